package dev.scopekey.service;

import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.port.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces last-use times in memory and hands them to the store in one batch per flush, so a
 * busy token costs one write per interval, not one per request. A use within
 * {@link #COALESCE_MILLIS} after the pending one is only read, never written: last use is coarse
 * by design, and a busy token costs a map read per request. Pending times never go backwards.
 * Keyed by hash; the hex text is built at flush only. Thread-safe.
 */
final class LastUseRecorder {
    /** Uses this close after the pending time leave it as it is. */
    static final long COALESCE_MILLIS = 1_000;

    private final TokenStore store;
    private final Clock clock;
    private final HealthMonitor health;
    private final MetricsReporter metrics;
    private final Map<TokenHash, Instant> pending = new ConcurrentHashMap<>();

    LastUseRecorder(TokenStore store, Clock clock, HealthMonitor health, MetricsReporter metrics) {
        this.store = store;
        this.clock = clock;
        this.health = health;
        this.metrics = metrics;
    }

    /**
     * Notes a use at {@code nowMillis}, unless the pending time is already that recent.
     *
     * @param now the same time as an instant if the caller read one, else null: then the clock is
     *     read as an instant (at full precision) only when the time is written, once per window
     */
    void touch(TokenHash hash, long nowMillis, Instant now) {
        Instant previous = pending.get(hash);
        if (previous != null && nowMillis - previous.toEpochMilli() < COALESCE_MILLIS) {
            return;
        }
        pending.merge(hash, now != null ? now : clock.instant(), LastUseRecorder::later);
    }

    /** The time not yet flushed for this hex hash, or null. */
    Instant pendingFor(String hash) {
        return TokenHash.isHex(hash) ? pending.get(TokenHash.fromHex(hash)) : null;
    }

    /**
     * Writes everything pending; on failure it stays pending for the next flush, and the failure
     * is reported once until a flush works again. A flush that wrote is reported to the metrics
     * with its size and its lag: from the oldest time written to now.
     *
     * @return whether everything pending was written
     */
    boolean flush() {
        if (pending.isEmpty()) {
            return true;
        }
        Map<TokenHash, Instant> batch = new HashMap<>(pending);
        Map<String, Instant> byHex = new HashMap<>();
        Instant oldest = null;
        for (Map.Entry<TokenHash, Instant> use : batch.entrySet()) {
            byHex.put(use.getKey().hex(), use.getValue());
            oldest = oldest == null || use.getValue().isBefore(oldest) ? use.getValue() : oldest;
        }
        try {
            store.recordUse(byHex);
        } catch (RuntimeException e) {
            health.failed(Part.LAST_USE_FLUSH, FailureText.of(store, e) + "; last-use times stay pending");
            return false;
        }
        batch.forEach(pending::remove);
        health.worked(Part.LAST_USE_FLUSH);
        metrics.lastUseFlushed(batch.size(), clock.millis() - oldest.toEpochMilli());
        return true;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
