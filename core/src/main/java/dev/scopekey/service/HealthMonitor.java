package dev.scopekey.service;

import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.ServiceHealth.PartHealth;
import dev.scopekey.service.ServiceHealth.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers whether each part the service relies on works, and tells the audit sink only when
 * that changes: one report when a part starts failing (with why), one when it works again (with
 * how many calls failed meanwhile), however many requests come between. A part's first working
 * call only moves it from unknown to up, unreported. A working call costs one volatile read
 * after that; changes are reported in the order they happen, and {@link #snapshot} tells how
 * every part is now. Thread-safe.
 */
final class HealthMonitor {
    /** Takes a report the sink's own {@code healthChanged} threw on: the interface default, the platform logger. */
    private static final AuditSink PLATFORM_LOGGER = AuditSink.discarding();

    private final AuditSink sink;
    private final Clock clock;
    private final Map<Part, State> states = new EnumMap<>(Part.class);

    HealthMonitor(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
        for (Part part : Part.values()) {
            states.put(part, new State());
        }
    }

    /** A call to {@code part} failed because of {@code why}; reported if it worked until now. */
    void failed(Part part, String why) {
        State state = states.get(part);
        if (state.status == Status.FAILING) {
            state.failedCalls.incrementAndGet();
            return;
        }
        synchronized (state) {
            state.failedCalls.incrementAndGet();
            if (state.status != Status.FAILING) {
                HealthChange change = HealthChange.failing(part, why);
                state.change(Status.FAILING, clock.instant(), change.detail());
                report(change);
            }
        }
    }

    /** A call to {@code part} worked; reported if it failed until now. */
    void worked(Part part) {
        State state = states.get(part);
        if (state.status == Status.UP) {
            return;
        }
        synchronized (state) {
            if (state.status == Status.FAILING) {
                long count = state.failedCalls.getAndSet(0);
                state.change(Status.UP, clock.instant(), null);
                report(HealthChange.recovered(part, count + (count == 1 ? " call" : " calls") + " failed meanwhile"));
            } else if (state.status == Status.UNKNOWN) {
                state.change(Status.UP, clock.instant(), null);
            }
        }
    }

    /** Every part as it is now. */
    ServiceHealth snapshot() {
        List<PartHealth> parts = new ArrayList<>(states.size());
        for (Map.Entry<Part, State> entry : states.entrySet()) {
            State state = entry.getValue();
            synchronized (state) {
                long failed = state.status == Status.FAILING ? state.failedCalls.get() : 0;
                parts.add(new PartHealth(entry.getKey(), state.status, state.since, state.cause, failed));
            }
        }
        return new ServiceHealth(clock.instant(), parts);
    }

    private void report(HealthChange change) {
        try {
            sink.healthChanged(change);
        } catch (RuntimeException sinkFailed) {
            PLATFORM_LOGGER.healthChanged(change);
        }
    }

    /**
     * One part's health: its status (read without the lock), and under the lock since when and
     * why, and how many calls failed since it started failing.
     */
    private static final class State {
        volatile Status status = Status.UNKNOWN;
        Instant since;
        String cause;
        final AtomicLong failedCalls = new AtomicLong();

        void change(Status to, Instant at, String why) {
            since = at;
            cause = why;
            status = to;
        }
    }
}
