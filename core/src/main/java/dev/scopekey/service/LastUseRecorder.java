package dev.scopekey.service;

import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.TokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces last-use times in memory and hands them to the store in one batch per flush, so a
 * busy token costs one write per interval, not one per request. Thread-safe.
 */
final class LastUseRecorder {
    private final TokenStore store;
    private final HealthMonitor health;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    LastUseRecorder(TokenStore store, HealthMonitor health) {
        this.store = store;
        this.health = health;
    }

    void touch(String hash, Instant at) {
        pending.put(hash, at);
    }

    /** The time not yet flushed for this hash, or null. */
    Instant pendingFor(String hash) {
        return pending.get(hash);
    }

    /**
     * Writes everything pending; on failure it stays pending for the next flush, and the failure
     * is reported once until a flush works again.
     *
     * @return whether everything pending was written
     */
    boolean flush() {
        if (pending.isEmpty()) {
            return true;
        }
        Map<String, Instant> batch = new HashMap<>(pending);
        try {
            store.recordUse(batch);
        } catch (RuntimeException e) {
            health.failed(Part.LAST_USE_FLUSH, FailureText.of(store, e) + "; last-use times stay pending");
            return false;
        }
        batch.forEach(pending::remove);
        health.worked(Part.LAST_USE_FLUSH);
        return true;
    }
}
