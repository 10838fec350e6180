package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.service.ServiceHealth.PartHealth;
import dev.scopekey.service.ServiceHealth.Status;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final Caller operator = Caller.operator(ActorLabel.CLI);
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).build();

    private String revokedPrefix() {
        String prefix = service.mint(operator, MintRequest.of("a:read")).value().record().prefix();
        assertTrue(service.revoke(operator, prefix).isDone());
        return prefix;
    }

    @Test
    void prune_auditsOneEventPerRemovedToken_withHowItEnded() {
        String revoked = revokedPrefix();
        String expired = service.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofHours(1)))
                .value().record().prefix();
        clock.advance(Duration.ofDays(31));

        List<String> removed = service.prune(operator, Duration.ofDays(30)).value().stream()
                .map(r -> r.prefix()).sorted().toList();

        assertEquals(List.of(revoked, expired).stream().sorted().toList(), removed);
        List<AuditEvent> events = audit.events.stream().filter(e -> e.type() == AuditEventType.TOKEN_PRUNED).toList();
        assertEquals(2, events.size());
        AuditEvent ofRevoked = events.stream().filter(e -> e.target().equals(revoked)).findFirst().orElseThrow();
        assertEquals("revoked", ofRevoked.facts().get("ended"));
        assertEquals("30d", ofRevoked.facts().get("older_than"));
        assertEquals("cli", ofRevoked.actor());
        assertEquals("expired", events.stream().filter(e -> e.target().equals(expired)).findFirst().orElseThrow()
                .facts().get("ended"));
    }

    @Test
    void prune_byANonRootToken_isForbidden_andAudited() {
        String scoped = service.mint(operator, MintRequest.of("a:read")).value().token().reveal();
        revokedPrefix();
        clock.advance(Duration.ofDays(2));
        Caller caller = Caller.of(((dev.scopekey.domain.AuthDecision.Granted)
                service.authenticate(scoped, ClientRequest.NONE)).principal(), "203.0.113.9");

        Refusal refusal = service.prune(caller, Duration.ofDays(1)).refusal();

        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(AuditEventType.PRUNE_REFUSED, audit.last().type());
        assertEquals(0, audit.count(AuditEventType.TOKEN_PRUNED));
    }

    @Test
    void prunable_isADryRun_removingAndAuditingNothing() {
        String revoked = revokedPrefix();
        clock.advance(Duration.ofDays(2));

        assertEquals(List.of(revoked), service.prunable(operator, Duration.ofDays(1)).value().stream()
                .map(r -> r.prefix()).toList());
        assertEquals(List.of(), service.prunable(operator, Duration.ofDays(3)).value());
        assertEquals(1, store.findByPrefix(revoked).size());
        assertEquals(0, audit.count(AuditEventType.TOKEN_PRUNED));
    }

    @Test
    void negativeAge_isRefused() {
        assertEquals(Refusal.Kind.INVALID_REQUEST, service.prune(operator, Duration.ofDays(-1)).refusal().kind());
    }

    @Test
    void scheduledPrune_removesEndedTokens_asTheScheduler_andCloseStopsIt() throws Exception {
        String revoked = revokedPrefix();
        clock.advance(Duration.ofDays(10));
        TokenService scheduled = TokenService.builder(store).clock(clock).audit(audit).lastUsedFlushInterval(null)
                .pruneEvery(Duration.ofMillis(5), Duration.ofDays(7)).build();
        try {
            for (int i = 0; i < 2000 && !store.findByPrefix(revoked).isEmpty(); i++) {
                Thread.sleep(5);
            }
            assertTrue(store.findByPrefix(revoked).isEmpty(), "the scheduled prune ran");
            assertEquals(ActorLabel.SCHEDULER, audit.events.stream()
                    .filter(e -> e.type() == AuditEventType.TOKEN_PRUNED).findFirst().orElseThrow().actor());
        } finally {
            scheduled.close();
        }
        for (int i = 0; i < 2000 && pruneThreadAlive(); i++) {
            Thread.sleep(5);
        }
        assertFalse(pruneThreadAlive(), "close stops the scheduled prune");
    }

    @Test
    void scheduledPrune_marksItsPartFailing_whileTheStoreIsDown_andUpWhenAPruneWorksAgain() throws Exception {
        FlakyStore flaky = new FlakyStore();
        flaky.failReads(true);
        TokenService scheduled = TokenService.builder(flaky).clock(clock).audit(audit).lastUsedFlushInterval(null)
                .pruneEvery(Duration.ofMillis(5), Duration.ofDays(7)).build();
        try {
            PartHealth failing = awaitPrune(scheduled, Status.FAILING);
            assertEquals(Status.FAILING, failing.status());
            assertTrue(failing.cause().endsWith("; tried again at the next run"), failing.cause());
            assertFalse(failing.cause().contains(FlakyStore.PASSWORD), "no secret in the cause");

            flaky.failReads(false);
            assertEquals(Status.UP, awaitPrune(scheduled, Status.UP).status());
        } finally {
            scheduled.close();
        }
    }

    private static PartHealth awaitPrune(TokenService service, Status wanted) throws InterruptedException {
        for (int i = 0; i < 2000 && service.health().part(Part.SCHEDULED_PRUNE).status() != wanted; i++) {
            Thread.sleep(5);
        }
        return service.health().part(Part.SCHEDULED_PRUNE);
    }

    private static boolean pruneThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("scopekey-prune") && t.isAlive());
    }
}
