package dev.scopekey.service;

import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.AuditSink;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers whether each part the service relies on works, and tells the audit sink only when
 * that changes: one report when a part starts failing (with why), one when it works again (with
 * how many calls failed meanwhile), however many requests come between. A working call costs one
 * volatile read; changes are reported in the order they happen. Thread-safe.
 */
final class HealthMonitor {
    /** Takes a report the sink's own {@code healthChanged} threw on: the interface default, the platform logger. */
    private static final AuditSink PLATFORM_LOGGER = AuditSink.discarding();

    private final AuditSink sink;
    private final Map<Part, State> states = new EnumMap<>(Part.class);

    HealthMonitor(AuditSink sink) {
        this.sink = sink;
        for (Part part : Part.values()) {
            states.put(part, new State());
        }
    }

    /** A call to {@code part} failed because of {@code why}; reported if it worked until now. */
    void failed(Part part, String why) {
        State state = states.get(part);
        if (state.failing) {
            state.failedCalls.incrementAndGet();
            return;
        }
        synchronized (state) {
            state.failedCalls.incrementAndGet();
            if (!state.failing) {
                state.failing = true;
                report(HealthChange.failing(part, why));
            }
        }
    }

    /** A call to {@code part} worked; reported if it failed until now. */
    void worked(Part part) {
        State state = states.get(part);
        if (!state.failing) {
            return;
        }
        synchronized (state) {
            if (state.failing) {
                state.failing = false;
                long count = state.failedCalls.getAndSet(0);
                report(HealthChange.recovered(part, count + (count == 1 ? " call" : " calls") + " failed meanwhile"));
            }
        }
    }

    private void report(HealthChange change) {
        try {
            sink.healthChanged(change);
        } catch (RuntimeException sinkFailed) {
            PLATFORM_LOGGER.healthChanged(change);
        }
    }

    /** One part's health: whether it fails now, and how many calls failed since it started to. */
    private static final class State {
        volatile boolean failing;
        final AtomicLong failedCalls = new AtomicLong();
    }
}
