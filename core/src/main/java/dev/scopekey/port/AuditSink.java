package dev.scopekey.port;

import dev.scopekey.domain.AuditEvent;

/** Receives every audit event. Must not throw; must be thread-safe. */
@FunctionalInterface
public interface AuditSink {
    void record(AuditEvent event);

    /** A sink that drops everything, for tests. */
    static AuditSink discarding() {
        return event -> { };
    }
}
