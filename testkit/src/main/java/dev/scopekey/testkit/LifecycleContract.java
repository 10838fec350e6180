package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract's cases for the lifecycle policies on the store: {@link TokenStore#prune} (what ended
 * before the cutoff goes, nothing else), and lifetimes, self-service by subject, the per-subject
 * limit and the expiry notice through a service over the store.
 */
abstract class LifecycleContract extends UseAndConcurrencyContract {
    private static final Instant CUTOFF = Instant.parse("2050-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private TokenRecord endingAt(Instant revokedAt, Instant expiresAt) {
        return samples().fresh().toBuilder().revokedAt(revokedAt).revokedBy(revokedAt == null ? null : "cli")
                .expiresAt(expiresAt).build();
    }

    @Test
    void prune_removesExactlyTheTokensRevokedOrExpiredBeforeTheCutoff_andReturnsThem() throws Exception {
        TokenRecord revokedBefore = endingAt(CUTOFF.minus(HOUR), null);
        TokenRecord expiredBefore = endingAt(null, CUTOFF.minus(HOUR));
        TokenRecord bothBefore = endingAt(CUTOFF.minus(HOUR.multipliedBy(3)), CUTOFF.minus(HOUR));
        TokenRecord live = endingAt(null, null);
        TokenRecord revokedAtCutoff = endingAt(CUTOFF, null);
        TokenRecord expiresAfter = endingAt(null, CUTOFF.plus(HOUR));
        TokenRecord revokedAfterButExpiredBefore = endingAt(CUTOFF.plus(HOUR), CUTOFF.minus(HOUR));
        insertEach(revokedBefore, expiredBefore, bothBefore, live, revokedAtCutoff, expiresAfter,
                revokedAfterButExpiredBefore);

        List<TokenRecord> removed = store().prune(CUTOFF);

        assertEquals(Set.of(revokedBefore, expiredBefore, bothBefore, revokedAfterButExpiredBefore),
                new HashSet<>(removed), "the records removed");
        assertEquals(4, removed.size(), "each removed record once");
        for (TokenRecord gone : removed) {
            assertEquals(Optional.empty(), store().findByHash(gone.hash()), "pruned " + gone.prefix());
            assertEquals(List.of(), store().findByPrefix(gone.prefix()), "pruned " + gone.prefix());
        }
        assertHoldsExactly(store(), List.of(live, revokedAtCutoff, expiresAfter));
        assertHoldsExactly(reopened(), List.of(live, revokedAtCutoff, expiresAfter));
    }

    @Test
    void prune_withNothingEnded_removesNothing_andAgainFindsNothing() throws Exception {
        List<TokenRecord> kept = new ArrayList<>(samples().fresh(5));
        kept.add(endingAt(CUTOFF.plus(HOUR), CUTOFF.plus(HOUR)));
        insertEach(kept);
        TokenRecord ended = endingAt(CUTOFF.minus(HOUR), null);
        insertEach(ended);

        assertEquals(List.of(ended), store().prune(CUTOFF));
        assertEquals(List.of(), store().prune(CUTOFF), "a second prune finds nothing");
        assertEquals(List.of(), store().prune(CUTOFF.minus(Duration.ofDays(365 * 40))));
        assertHoldsExactly(store(), kept);
    }

    @Test
    void prune_onAnEmptyStore_returnsNothing() {
        assertEquals(List.of(), store().prune(CUTOFF));
    }

    @Test
    void service_prunedToken_isUnknown_andOthersKeepWorking() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        Caller operator = Caller.operator(ActorLabel.CLI);
        MintedToken revoked = service.mint(operator, MintRequest.of("a")).value();
        MintedToken kept = service.mint(operator, MintRequest.of("a")).value();
        assertTrue(service.revoke(operator, revoked.record().prefix()).isDone());
        clock.advance(Duration.ofDays(31));

        List<TokenRecord> removed = service.prune(operator, Duration.ofDays(30)).value();

        assertEquals(List.of(revoked.record().prefix()), removed.stream().map(TokenRecord::prefix).toList());
        AuthDecision decision = service.authenticate(revoked.token().reveal(), ClientRequest.NONE);
        assertTrue(decision instanceof AuthDecision.Denied, "a pruned token is denied");
        assertEquals(DenialReason.UNKNOWN, ((AuthDecision.Denied) decision).reason());
        assertTrue(service.authenticate(kept.token().reveal(), ClientRequest.NONE).isGranted());
        assertFalse(removed.toString().contains(revoked.token().reveal()), "no secret in what prune returns");
    }

    private TokenService policyService(MutableClock clock, List<AuditEvent> events,
                                       UnaryOperator<TokenServiceBuilder> policy) {
        return policy.apply(TokenService.builder(store()).audit(events::add).clock(clock)
                .lastUsedFlushInterval(null)).build();
    }

    private static Caller callerOf(TokenService service, MintedToken token) {
        AuthDecision decision = service.authenticate(token.token().reveal(), ClientRequest.NONE);
        assertTrue(decision.isGranted(), "the token authenticates");
        return Caller.of(((AuthDecision.Granted) decision).principal(), "192.0.2.1");
    }

    @Test
    void service_lifetimePolicy_defaultIsStored_andALongerLifetimeIsRefused() {
        MutableClock clock = MutableClock.start();
        Caller operator = Caller.operator(ActorLabel.CLI);
        try (TokenService service = policyService(clock, new ArrayList<>(),
                b -> b.defaultLifetime(Duration.ofHours(10)).maxLifetime(Duration.ofDays(90)))) {
            MintedToken minted = service.mint(operator, MintRequest.of("a")).value();
            assertEquals(clock.instant().plus(Duration.ofHours(10)),
                    store().findByHash(minted.token().hash()).orElseThrow().expiresAt());
            Refusal refusal = service.mint(operator, MintRequest.of("a").expiringIn(Duration.ofDays(91))).refusal();
            assertEquals("expiresIn exceeds the maximum lifetime of 90d", refusal.message());
            assertEquals(1, listAll(store(), TokenQuery.all()).size(), "the refused mint stored nothing");
        }
    }

    @Test
    void service_selfService_reachesOnlyTheCallersSubject_onTheStore() {
        MutableClock clock = MutableClock.start();
        Caller operator = Caller.operator(ActorLabel.CLI);
        try (TokenService service = policyService(clock, new ArrayList<>(), b -> b.selfService(true))) {
            MintedToken alice = service.mint(operator, MintRequest.of("kafka:*").forSubject("alice")).value();
            MintedToken aliceTwo = service.mint(operator, MintRequest.of("kafka:read").forSubject("alice")).value();
            MintedToken bob = service.mint(operator, MintRequest.of("kafka:*").forSubject("bob")).value();
            Caller caller = callerOf(service, alice);

            Set<String> listed = new HashSet<>();
            service.listLive(caller, TokenQuery.all()).value().records().forEach(r -> listed.add(r.prefix()));
            assertEquals(Set.of(alice.record().prefix(), aliceTwo.record().prefix()), listed);
            assertEquals(Refusal.Kind.NOT_FOUND, service.revoke(caller, bob.record().prefix()).refusal().kind());
            assertTrue(store().findByHash(bob.token().hash()).orElseThrow().isLiveAt(clock.instant()));
            MintedToken own = service.mint(caller, MintRequest.of("kafka:write")).value();
            assertEquals("alice", store().findByHash(own.token().hash()).orElseThrow().subject());
            assertEquals(2, service.revokeSubject(caller, "alice").value(), "aliceTwo and the new one");
            assertTrue(service.logout(caller).isDone());
            assertFalse(store().findByHash(alice.token().hash()).orElseThrow().isLiveAt(clock.instant()));
        }
    }

    @Test
    void service_maxTokensPerSubject_countsTheLiveTokensTheStoreHolds() {
        MutableClock clock = MutableClock.start();
        Caller operator = Caller.operator(ActorLabel.CLI);
        try (TokenService service = policyService(clock, new ArrayList<>(), b -> b.maxTokensPerSubject(2))) {
            MintedToken first = service.mint(operator, MintRequest.of("a").forSubject("carol")).value();
            service.mint(operator, MintRequest.of("a").forSubject("carol")).value();
            assertEquals(Refusal.Kind.CONFLICT,
                    service.mint(operator, MintRequest.of("a").forSubject("carol")).refusal().kind());
            assertTrue(service.revoke(operator, first.record().prefix()).isDone());
            assertTrue(service.mint(operator, MintRequest.of("a").forSubject("carol")).isDone(),
                    "a revoked token no longer counts");
        }
    }

    @Test
    void service_expiryNotice_isAuditedOnce_forAStoredTokenInItsLastDays() {
        MutableClock clock = MutableClock.start();
        List<AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TokenService service = policyService(clock, events, b -> b.expiryNotice(Duration.ofDays(7)))) {
            MintedToken minted = service.mint(Caller.operator(ActorLabel.CLI),
                    MintRequest.of("a").expiringIn(Duration.ofDays(8))).value();
            assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
            clock.advance(Duration.ofDays(2));
            for (int i = 0; i < 3; i++) {
                assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
            }
            assertEquals(1, events.stream().filter(e -> e.type() == AuditEventType.TOKEN_EXPIRING).count());
        }
    }
}
