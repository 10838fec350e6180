package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.ServiceHealth.Status;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials the store does not know go to the integrator tiers, in order; a failing tier is an outage. */
class IntegratorTiersTest {
    private static final String SESSION = "session-0123456789abcdef";
    private static final TokenPrincipal ALICE =
            TokenPrincipal.integrator("sessions", "alice", ScopeSet.parse(List.of("docs:read")));

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

    private TokenService serviceWith(dev.scopekey.port.Authenticator<String> tier) {
        return TokenService.builder(new InMemoryTokenStore()).clock(clock).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).authenticator(tier).build();
    }

    @Test
    void aTierThatKnowsTheCredential_grantsItsPrincipal_andIsUp() {
        TokenService service = serviceWith(credential -> SESSION.equals(credential) ? Optional.of(ALICE) : Optional.empty());

        AuthDecision decision = service.authenticate(SESSION, ClientRequest.NONE);

        assertEquals(new AuthDecision.Granted(ALICE), decision);
        assertEquals(Status.UP, service.health().part(Part.CREDENTIAL_TIER).status());
    }

    @Test
    void aCredentialNoTierKnows_isDeniedAsUnknown() {
        TokenService service = serviceWith(credential -> Optional.empty());

        AuthDecision decision = service.authenticate(SESSION, ClientRequest.NONE);

        assertEquals(DenialReason.UNKNOWN, assertInstanceOf(AuthDecision.Denied.class, decision).reason());
        assertEquals(Status.UP, service.health().part(Part.CREDENTIAL_TIER).status());
    }

    @Test
    void aTierThatThrows_makesTheRequestUnavailable_andTheTierFailing() {
        TokenService service = serviceWith(credential -> {
            throw new IllegalStateException("session store down");
        });

        AuthDecision decision = service.authenticate(SESSION, ClientRequest.NONE);

        assertInstanceOf(AuthDecision.Unavailable.class, decision);
        assertEquals(Status.FAILING, service.health().part(Part.CREDENTIAL_TIER).status());
    }
}
