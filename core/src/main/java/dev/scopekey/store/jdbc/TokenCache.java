package dev.scopekey.store.jdbc;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.StoreStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The short cache in front of {@code findByHash}: found records (positive) and unknown hashes
 * (negative), each with its own size bound, both expiring after the same TTL measured on the
 * injected clock. Nothing is ever served past its TTL, not even while the database is down.
 *
 * <p>A lookup that raced with an invalidation is not cached: every invalidation advances a
 * generation, and an answer read under an older generation is dropped (see {@link #stamp()}).
 * Thread-safe; reads never lock. Counts its hits and misses (a lookup with the cache off is a
 * miss: it goes to the database) for {@link StoreStatistics}.
 */
final class TokenCache implements StoreStatistics {
    private final Clock clock;
    private final long ttlMillis;
    private final ExpiringMap<TokenHash, TokenRecord> found;
    private final ExpiringMap<TokenHash, Boolean> absent;
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    TokenCache(Clock clock, Duration ttl, int maxFound, int maxAbsent) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.found = new ExpiringMap<>(ttlMillis > 0 ? maxFound : 0);
        this.absent = new ExpiringMap<>(ttlMillis > 0 ? maxAbsent : 0);
    }

    /**
     * The cached answer: the record, or empty if the hash is cached as unknown; null on a miss.
     */
    Optional<TokenRecord> get(TokenHash hash) {
        if (ttlMillis <= 0) {
            misses.increment();
            return null;
        }
        long now = clock.millis();
        TokenRecord record = found.get(hash, now);
        if (record != null) {
            hits.increment();
            return Optional.of(record);
        }
        if (absent.get(hash, now) != null) {
            hits.increment();
            return Optional.empty();
        }
        misses.increment();
        return null;
    }

    /** Take before reading the database; pass to {@link #put} with what was read. */
    long stamp() {
        return generation.get();
    }

    /** Caches the answer read under {@code stamp}, unless an invalidation happened since. */
    void put(TokenHash hash, Optional<TokenRecord> answer, long stamp) {
        if (ttlMillis <= 0 || generation.get() != stamp) {
            return;
        }
        long now = clock.millis();
        long expires = now + ttlMillis;
        if (answer.isPresent()) {
            Object entry = found.put(hash, answer.get(), expires, now);
            if (entry != null && generation.get() != stamp) {
                found.removeEntry(hash, entry);
            }
        } else {
            Object entry = absent.put(hash, Boolean.TRUE, expires, now);
            if (entry != null && generation.get() != stamp) {
                absent.removeEntry(hash, entry);
            }
        }
    }

    /**
     * Forgets these hex hashes, found or unknown, and any answer being read concurrently; a text
     * that is no hex hash names nothing cached.
     */
    void invalidate(Collection<String> hashes) {
        generation.incrementAndGet();
        for (String hex : hashes) {
            if (TokenHash.isHex(hex)) {
                TokenHash hash = TokenHash.fromHex(hex);
                found.remove(hash);
                absent.remove(hash);
            }
        }
    }

    /** Forgets everything (for example after missed notifications). */
    void invalidateAll() {
        generation.incrementAndGet();
        found.clear();
        absent.clear();
    }

    /** Moves the last use of cached records forward, as the database just did. */
    void recordUse(Map<String, Instant> lastUsedByHash) {
        lastUsedByHash.forEach((hex, at) -> {
            if (TokenHash.isHex(hex)) {
                found.replaceIfPresent(TokenHash.fromHex(hex), record -> record.lastUsedAt() == null
                        || record.lastUsedAt().isBefore(at) ? record.withLastUsedAt(at) : record);
            }
        });
    }

    @Override
    public long size() {
        return (long) found.size() + absent.size();
    }

    @Override
    public long cacheHits() {
        return hits.sum();
    }

    @Override
    public long cacheMisses() {
        return misses.sum();
    }

    int foundSize() {
        return found.size();
    }

    int absentSize() {
        return absent.size();
    }

    @Override
    public String toString() {
        return ttlMillis <= 0 ? "no cache" : "cache ttl=" + ttlMillis + "ms, " + found.size() + " found, "
                + absent.size() + " unknown";
    }
}
