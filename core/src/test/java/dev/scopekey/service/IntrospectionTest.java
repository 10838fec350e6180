package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenService#introspect}: the decision {@code authenticate} makes, counted as a use, with
 * no audit event for the introspected token; and the times its principal carries.
 */
class IntrospectionTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).adminToken("break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp").build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private String mint(MintRequest request) {
        return service.mint(operator, request).value().token().reveal();
    }

    @Test
    void liveToken_isGranted_withItsCreationAndExpiry_andCountsAsAUse() {
        String token = mint(MintRequest.of("a:b").expiringIn(Duration.ofHours(1)));
        Instant minted = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        TokenPrincipal principal = assertInstanceOf(AuthDecision.Granted.class, service.introspect(token)).principal();
        service.flushLastUsed();

        assertEquals(minted, principal.createdAt());
        assertEquals(minted.plus(Duration.ofHours(1)), principal.validUntil());
        assertEquals(clock.instant(), store.findByHash(TokenHash.of(token)).orElseThrow().lastUsedAt());
    }

    @Test
    void rotatedToken_isValidUntilItsRetirement_whenThatComesBeforeItsExpiry() {
        String token = mint(MintRequest.of("a:b").expiringIn(Duration.ofDays(30)));
        service.rotate(operator, TokenFormat.displayPrefix(token).orElseThrow(), Duration.ofMinutes(10));

        TokenPrincipal principal = assertInstanceOf(AuthDecision.Granted.class, service.introspect(token)).principal();

        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), principal.validUntil());
    }

    @Test
    void tokensThatAreNotStored_carryNoTimes() {
        TokenPrincipal config = assertInstanceOf(AuthDecision.Granted.class,
                service.introspect("break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp")).principal();

        assertNull(config.createdAt());
        assertNull(config.validUntil());
    }

    @Test
    void deadTokens_areDeniedWithTheirReason_andNoneIsAudited() {
        String revoked = mint(MintRequest.of("a:b"));
        service.revoke(operator, TokenFormat.displayPrefix(revoked).orElseThrow());
        int before = audit.events.size();

        assertEquals(DenialReason.REVOKED, denial(service.introspect(revoked)));
        assertEquals(DenialReason.UNKNOWN, denial(service.introspect("unknown-legacy-token")));
        assertEquals(DenialReason.MALFORMED, denial(service.introspect("not a token")));
        assertEquals(DenialReason.NO_CREDENTIAL, denial(service.introspect(null)));
        assertEquals(List.of(), audit.events.subList(before, audit.events.size()));
    }

    private static DenialReason denial(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Denied.class, decision).reason();
    }
}
