package dev.scopekey.service;

import dev.scopekey.domain.RequestRate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, each refilled smoothly at the rate its caller names: the mint rate per
 * client address, a token's own rate per token. In memory, per service instance. Buckets that
 * have refilled completely are dropped when the table grows past {@link #SWEEP_THRESHOLD}, so a
 * flood of keys cannot grow it without bound (a full bucket is the same as none). Thread-safe.
 *
 * @param <K> the key
 */
final class RateBuckets<K> {
    static final int SWEEP_THRESHOLD = 10_000;

    private final Clock clock;
    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

    RateBuckets(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one permit for {@code key} at {@code rate}.
     *
     * @return null when granted, else how long until the next permit
     */
    Duration acquire(K key, RequestRate rate) {
        long now = nanosNow();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        synchronized (bucket) {
            return bucket.take(now, rate);
        }
    }

    /** How many buckets are kept now. */
    int size() {
        return buckets.size();
    }

    private long nanosNow() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class Bucket {
        /** The instant (in nanos) at which the bucket is full again. */
        private long fullAt;

        Bucket(long now) {
            this.fullAt = now;
        }

        boolean isFull(long now) {
            synchronized (this) {
                return fullAt <= now;
            }
        }

        Duration take(long now, RequestRate rate) {
            long nanosPerPermit = Math.max(1, rate.period().toNanos() / rate.permits());
            long capacity = rate.permits() * nanosPerPermit;
            long base = Math.max(fullAt, now);
            long used = base - now;
            if (used + nanosPerPermit > capacity) {
                return Duration.ofNanos(used + nanosPerPermit - capacity);
            }
            fullAt = base + nanosPerPermit;
            return null;
        }
    }
}
