package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Revoking a subject's tokens and rotating a root token, decided in the service without HTTP. */
class TokenAdministrationTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
            .lastUsedFlushInterval(null).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private MintedToken mint(MintRequest request) {
        return service.mint(operator, request).value();
    }

    private Caller callerWith(MintedToken token) {
        AuthDecision decision = service.authenticate(token.token().reveal(), ClientRequest.NONE);
        return Caller.of(assertInstanceOf(AuthDecision.Granted.class, decision).principal(), "192.0.2.1");
    }

    private TokenRecord stored(MintedToken token) {
        return store.findByPrefix(token.record().prefix()).get(0);
    }

    @Test
    void revokeSubject_byAScopedToken_isForbidden_andRevokesNothing() {
        MintedToken alice = mint(MintRequest.of("kafka:read").forSubject("alice"));
        Caller scoped = callerWith(mint(MintRequest.of("kafka:admin")));

        assertEquals(Refusal.Kind.FORBIDDEN, service.revokeSubject(scoped, "alice").refusal().kind());
        assertNull(stored(alice).revokedAt());
    }

    @Test
    void revokeSubject_withoutASubject_isAnInvalidRequest() {
        assertEquals(Refusal.Kind.INVALID_REQUEST, service.revokeSubject(operator, null).refusal().kind());
        assertEquals(Refusal.Kind.INVALID_REQUEST, service.revokeSubject(operator, "").refusal().kind());
    }

    @Test
    void revokeSubject_byAnOperator_revokesThatSubjectsTokens_only_andCountsThem() {
        MintedToken first = mint(MintRequest.of("kafka:read").forSubject("alice"));
        MintedToken second = mint(MintRequest.of("kafka:write").forSubject("alice"));
        MintedToken bob = mint(MintRequest.of("kafka:read").forSubject("bob"));

        assertEquals(2, service.revokeSubject(operator, "alice").value());
        assertNotNull(stored(first).revokedAt());
        assertNotNull(stored(second).revokedAt());
        assertNull(stored(bob).revokedAt());
        assertEquals(0, service.revokeSubject(operator, "alice").value(), "revoked tokens are not counted twice");
    }

    @Test
    void rotate_ofARootToken_byAStoredRootToken_isForbidden_butAnOperatorMayRotateIt() {
        MintedToken root = mint(MintRequest.of("*"));
        Caller storedRoot = callerWith(mint(MintRequest.of("*")));

        assertEquals(Refusal.Kind.FORBIDDEN,
                service.rotate(storedRoot, root.record().prefix(), Duration.ZERO).refusal().kind());
        assertNull(stored(root).revokedAt());
        MintedToken successor = service.rotate(operator, root.record().prefix(), Duration.ofMinutes(5)).value();
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), stored(root).revokedAt());
        assertNull(successor.record().expiresAt(), "a token without expiry is succeeded by one without");
    }
}
