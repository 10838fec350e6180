package dev.scopekey.service;

import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.port.ServiceMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down every event the service reports, in order, as short text ({@code denied:UNKNOWN}). */
final class RecordingMetrics implements ServiceMetrics {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Long> verifiedNanos = new CopyOnWriteArrayList<>();
    final List<Long> flushLagMillis = new CopyOnWriteArrayList<>();

    @Override
    public void granted() {
        events.add("granted");
    }

    @Override
    public void denied(DenialReason reason) {
        events.add("denied:" + reason);
    }

    @Override
    public void unavailable(HealthChange.Part part) {
        events.add("unavailable:" + part);
    }

    @Override
    public void verified(long nanos) {
        verifiedNanos.add(nanos);
    }

    @Override
    public void administered(AdminAction action, int count) {
        events.add(action + ":" + count);
    }

    @Override
    public void lastUseFlushed(int records, long lagMillis) {
        events.add("flushed:" + records);
        flushLagMillis.add(lagMillis);
    }

    /** The events without the last-use flushes, which the background flusher may add at any time. */
    List<String> decisions() {
        return events.stream().filter(e -> !e.startsWith("flushed:")).toList();
    }
}
