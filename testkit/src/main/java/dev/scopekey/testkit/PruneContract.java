package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract's cases for {@link TokenStore#prune}: what ended before the cutoff goes, nothing else. */
abstract class PruneContract extends UseAndConcurrencyContract {
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
}
