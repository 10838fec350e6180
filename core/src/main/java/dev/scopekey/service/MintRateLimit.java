package dev.scopekey.service;

import dev.scopekey.domain.RequestRate;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per client key: {@code permits} mints per {@code period}, refilled smoothly,
 * in {@link RateBuckets} (bounded). Thread-safe.
 */
final class MintRateLimit {
    private final RequestRate rate;
    private final RateBuckets<String> buckets;

    MintRateLimit(int permits, Duration period, Clock clock) {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a mint rate needs at least one permit per positive period");
        }
        this.rate = new RequestRate(Math.min(permits, RequestRate.MAX_PERMITS), period);
        this.buckets = new RateBuckets<>(clock);
    }

    /**
     * Takes one permit for {@code key}.
     *
     * @return null when granted, else how long until the next permit
     */
    Duration acquire(String key) {
        return buckets.acquire(key, rate);
    }

    /** How many clients the table holds now: its bound is memory, which no answer of {@code acquire} shows. */
    int clients() {
        return buckets.size();
    }
}
