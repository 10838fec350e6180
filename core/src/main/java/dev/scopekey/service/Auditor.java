package dev.scopekey.service;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.AuditSink;
import java.time.Clock;

/**
 * Hands audit events to the sink, stamped with the service clock. A failing sink never breaks
 * or changes a call; it is reported once when it starts failing (naming the first lost event)
 * and once when it works again.
 */
final class Auditor {
    private final AuditSink sink;
    private final Clock clock;
    private final HealthMonitor health;

    Auditor(AuditSink sink, Clock clock, HealthMonitor health) {
        this.sink = sink;
        this.clock = clock;
        this.health = health;
    }

    /** Records the refusal and returns it as the call's outcome. */
    <T> Outcome<T> refuse(AuditEventType type, Caller caller, String target, Refusal refusal) {
        emit(type, caller.actor(), target, caller.clientAddress(), refusal.kind().code());
        return Outcome.refused(refusal);
    }

    void emit(AuditEventType type, String actor, String target, String client, String detail) {
        AuditEvent event = new AuditEvent(type, actor, target, clock.instant(), client, detail);
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            health.failed(Part.AUDIT_SINK, FailureText.of(sink, e) + "; audit events are lost, the first: " + event);
            return;
        }
        health.worked(Part.AUDIT_SINK);
    }
}
