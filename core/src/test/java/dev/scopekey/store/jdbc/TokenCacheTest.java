package dev.scopekey.store.jdbc;

import dev.scopekey.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(T0);
    private final TokenCache cache = new TokenCache(clock, TTL, 100, 100);

    @Test
    void answers_areServedWithinTheTtl_andNeverAfter() {
        TokenRecord record = record("known");
        cache.put(TokenHash.fromHex(record.hash()), Optional.of(record), cache.stamp());
        cache.put(TokenHash.of("unknown"), Optional.empty(), cache.stamp());

        clock.advance(TTL.minusMillis(1));
        assertEquals(Optional.of(record), cache.get(TokenHash.fromHex(record.hash())));
        assertEquals(Optional.empty(), cache.get(TokenHash.of("unknown")));

        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get(TokenHash.fromHex(record.hash())));
        assertNull(cache.get(TokenHash.of("unknown")));
    }

    @Test
    void answerReadBeforeAnInvalidation_isNotCached() {
        TokenRecord record = record("raced");
        long stamp = cache.stamp();

        cache.invalidate(List.of(record.hash()));
        cache.put(TokenHash.fromHex(record.hash()), Optional.of(record), stamp);

        assertNull(cache.get(TokenHash.fromHex(record.hash())));
    }

    @Test
    void invalidate_forgetsFoundAndUnknownAnswers() {
        TokenRecord record = record("found");
        cache.put(TokenHash.fromHex(record.hash()), Optional.of(record), cache.stamp());
        cache.put(TokenHash.of("absent"), Optional.empty(), cache.stamp());

        cache.invalidate(List.of(record.hash(), hash("absent")));

        assertNull(cache.get(TokenHash.fromHex(record.hash())));
        assertNull(cache.get(TokenHash.of("absent")));
    }

    @Test
    void zeroTtl_cachesNothing() {
        TokenCache off = new TokenCache(clock, Duration.ZERO, 100, 100);
        TokenRecord record = record("off");
        off.put(TokenHash.fromHex(record.hash()), Optional.of(record), off.stamp());

        assertNull(off.get(TokenHash.fromHex(record.hash())));
    }

    @Test
    void recordUse_movesACachedLastUseForwardOnly() {
        TokenRecord record = record("used").withLastUsedAt(T0.plusSeconds(10));
        cache.put(TokenHash.fromHex(record.hash()), Optional.of(record), cache.stamp());

        cache.recordUse(Map.of(record.hash(), T0.plusSeconds(5)));
        assertEquals(T0.plusSeconds(10), cache.get(TokenHash.fromHex(record.hash())).orElseThrow().lastUsedAt());
        cache.recordUse(Map.of(record.hash(), T0.plusSeconds(20)));
        assertEquals(T0.plusSeconds(20), cache.get(TokenHash.fromHex(record.hash())).orElseThrow().lastUsedAt());
    }

    @Test
    void floodOfUnknownHashes_neverEvictsFoundTokens() {
        TokenRecord record = record("keeper");
        cache.put(TokenHash.fromHex(record.hash()), Optional.of(record), cache.stamp());

        for (int i = 0; i < 10_000; i++) {
            cache.put(TokenHash.of("random-" + i), Optional.empty(), cache.stamp());
        }

        assertTrue(cache.absentSize() <= 100, cache.toString());
        assertEquals(Optional.of(record), cache.get(TokenHash.fromHex(record.hash())));
    }

    @Property(tries = 50)
    void bothSides_stayWithinTheirBounds(@ForAll @IntRange(min = 1, max = 64) int foundBound,
                                         @ForAll @IntRange(min = 1, max = 64) int absentBound,
                                         @ForAll @IntRange(min = 0, max = 500) int puts) {
        TokenCache bounded = new TokenCache(clock, TTL, foundBound, absentBound);
        for (int i = 0; i < puts; i++) {
            TokenRecord record = record("p" + i);
            bounded.put(TokenHash.fromHex(record.hash()), i % 3 == 0 ? Optional.empty() : Optional.of(record), bounded.stamp());
        }
        assertTrue(bounded.foundSize() <= foundBound, bounded.toString());
        assertTrue(bounded.absentSize() <= absentBound, bounded.toString());
    }

    private static String hash(String seed) {
        return TokenHash.hexOf(seed);
    }

    private static TokenRecord record(String seed) {
        return TokenRecord.builder("sk_" + seed, hash(seed), ScopeSet.parseList("kafka:read"))
                .createdAt(T0)
                .createdBy(ActorLabel.CLI)
                .build();
    }
}
