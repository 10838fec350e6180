package dev.scopekey.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client key: {@code permits} mints per {@code period}, refilled smoothly.
 * Buckets that have refilled completely are dropped when the table grows, so a flood of
 * addresses cannot grow it without bound. Thread-safe.
 */
final class MintRateLimit {
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int permits;
    private final long nanosPerPermit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    MintRateLimit(int permits, Duration period, Clock clock) {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a mint rate needs at least one permit per positive period");
        }
        this.permits = permits;
        this.nanosPerPermit = Math.max(1, period.toNanos() / permits);
        this.clock = clock;
    }

    /**
     * Takes one permit for {@code key}.
     *
     * @return null when granted, else how long until the next permit
     */
    Duration acquire(String key) {
        long now = nanosNow();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        synchronized (bucket) {
            return bucket.take(now);
        }
    }

    private long nanosNow() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private final class Bucket {
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

        Duration take(long now) {
            long capacity = permits * nanosPerPermit;
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
