package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.AuditSink;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each decision, administration outcome and last-use flush reaches the metrics port once, as it was. */
class ServiceMetricsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FlakyStore store = new FlakyStore();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
            .lastUsedFlushInterval(null).metrics(metrics).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private PlainToken mint(MintRequest request) {
        return service.mint(operator, request).value().token();
    }

    @Test
    void eachAuthentication_reportsItsDecisionOnce_andOneVerificationTime() {
        String live = mint(MintRequest.of("kafka:read")).reveal();
        String expiring = mint(MintRequest.of("kafka:read").expiringIn(Duration.ofMinutes(1))).reveal();
        PlainToken revoked = mint(MintRequest.of("kafka:read"));
        service.revoke(operator, revoked.prefix());
        clock.advance(Duration.ofMinutes(2));
        metrics.events.clear();

        service.authenticate(live, ClientRequest.NONE);
        service.authenticate(null, ClientRequest.NONE);
        service.authenticate("not a token", ClientRequest.NONE);
        service.authenticate(live.substring(0, live.length() - 1) + (live.endsWith("A") ? "B" : "A"), ClientRequest.NONE);
        service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);
        service.authenticate(expiring, ClientRequest.NONE);
        service.authenticate(revoked.reveal(), ClientRequest.NONE);
        store.failReads(true);
        AuthDecision down = service.authenticate(live, ClientRequest.NONE);

        assertInstanceOf(AuthDecision.Unavailable.class, down);
        assertEquals(List.of("granted", "denied:NO_CREDENTIAL", "denied:MALFORMED", "denied:BAD_CHECKSUM",
                "denied:UNKNOWN", "denied:EXPIRED", "denied:REVOKED", "unavailable:TOKEN_STORE"), metrics.events);
        assertEquals(8, metrics.verifiedNanos.size());
        assertTrue(metrics.verifiedNanos.stream().allMatch(nanos -> nanos >= 0), metrics.verifiedNanos::toString);
    }

    @Test
    void adapterDenials_andMissingScopes_areReportedOnce_andAGrantedScopeCheckAddsNothing() {
        TokenPrincipal reader = assertInstanceOf(AuthDecision.Granted.class,
                service.authenticate(mint(MintRequest.of("kafka:read")).reveal(), ClientRequest.NONE)).principal();
        metrics.events.clear();
        metrics.verifiedNanos.clear();

        service.deny(DenialReason.INVALID_REQUEST, ClientRequest.NONE);
        service.authorize(reader, Scope.of("kafka:read"), ClientRequest.NONE);
        service.authorize(reader, Scope.of("kafka:write"), ClientRequest.NONE);

        assertEquals(List.of("denied:INVALID_REQUEST", "denied:INSUFFICIENT_SCOPE"), metrics.events);
        assertEquals(List.of(), metrics.verifiedNanos, "only an authentication verifies a credential");
    }

    @Test
    void administration_reportsEachOutcome_withHowManyTokensItChanged() {
        mint(MintRequest.of("kafka:read").forSubject("alice"));
        mint(MintRequest.of("kafka:write").forSubject("alice"));
        String prefix = mint(MintRequest.of("kafka:read")).prefix();
        service.rotate(operator, prefix, Duration.ZERO);
        service.revoke(operator, prefix);
        service.revokeSubject(operator, "alice");
        service.mint(operator, MintRequest.of("auth:tokens:write"));
        service.mint(Caller.anonymous("203.0.113.9"), MintRequest.of("kafka:read"));

        assertEquals(List.of("MINTED:1", "MINTED:1", "MINTED:1", "ROTATED:1", "REFUSED:0", "REVOKED:2",
                "REFUSED:0", "REFUSED:0"), metrics.events);
    }

    @Test
    void aFlush_reportsHowManyTimesItWrote_andTheLagOfTheOldest() {
        String first = mint(MintRequest.of("kafka:read")).reveal();
        String second = mint(MintRequest.of("kafka:read")).reveal();
        service.authenticate(first, ClientRequest.NONE);
        clock.advance(Duration.ofSeconds(20));
        service.authenticate(second, ClientRequest.NONE);
        clock.advance(Duration.ofSeconds(10));
        metrics.events.clear();

        assertTrue(service.flushLastUsed());
        assertTrue(service.flushLastUsed(), "nothing left to write");
        store.failLastUseWrites(true);
        service.authenticate(first, ClientRequest.NONE);
        service.flushLastUsed();

        assertEquals(List.of("flushed:2", "granted"), metrics.events);
        assertEquals(List.of(30_000L), metrics.flushLagMillis);
    }

    @Test
    void aListenerThatThrows_neverChangesADecision_andIsReportedOncePerChange() {
        ThrowingMetrics throwing = new ThrowingMetrics();
        HealthChanges changes = new HealthChanges();
        TokenService guarded = TokenService.builder(store).clock(clock).audit(changes).lastUsedFlushInterval(null)
                .metrics(throwing).build();
        String live = guarded.mint(operator, MintRequest.of("kafka:read")).value().token().reveal();

        for (int i = 0; i < 50; i++) {
            AuthDecision granted = guarded.authenticate(live, ClientRequest.NONE);
            TokenPrincipal principal = assertInstanceOf(AuthDecision.Granted.class, granted).principal();
            assertTrue(guarded.authorize(principal, Scope.of("kafka:read"), ClientRequest.NONE).isGranted());
            assertEquals(DenialReason.UNKNOWN, assertInstanceOf(AuthDecision.Denied.class,
                    guarded.authenticate("legacy-token-nobody-knows", ClientRequest.NONE)).reason());
        }
        throwing.fail = false;
        assertTrue(guarded.authenticate(live, ClientRequest.NONE).isGranted());

        assertEquals(List.of("metrics failing", "metrics works again"),
                changes.changes.stream().map(c -> c.describe().replaceAll(":.*", "")).toList());
        assertEquals(ServiceHealth.Status.UP, guarded.health().part(HealthChange.Part.METRICS).status());
    }

    /** Throws from every method until told to stop. */
    private static final class ThrowingMetrics implements dev.scopekey.port.ServiceMetrics {
        volatile boolean fail = true;

        private void maybeThrow() {
            if (fail) {
                throw new IllegalStateException("registry closed");
            }
        }

        @Override
        public void granted() {
            maybeThrow();
        }

        @Override
        public void denied(DenialReason reason) {
            maybeThrow();
        }

        @Override
        public void verified(long nanos) {
            maybeThrow();
        }

        @Override
        public void administered(AdminAction action, int count) {
            maybeThrow();
        }
    }

    /** Keeps the health changes; drops audit events. */
    private static final class HealthChanges implements AuditSink {
        final List<HealthChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void record(dev.scopekey.domain.AuditEvent event) {
        }

        @Override
        public void healthChanged(HealthChange change) {
            changes.add(change);
        }
    }
}
