package dev.scopekey.service;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.port.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit event for assertions. */
final class RecordingAuditSink implements AuditSink {
    final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    AuditEvent last() {
        return events.get(events.size() - 1);
    }

    long count(AuditEventType type) {
        return events.stream().filter(e -> e.type() == type).count();
    }
}
