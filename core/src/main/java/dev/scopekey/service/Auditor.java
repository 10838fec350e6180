package dev.scopekey.service;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.port.AuditSink;
import java.time.Clock;

/** Hands audit events to the sink, stamped with the service clock; a failing sink never breaks a call. */
final class Auditor {
    private final AuditSink sink;
    private final Clock clock;

    Auditor(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Records the refusal and returns it as the call's outcome. */
    <T> Outcome<T> refuse(AuditEventType type, Caller caller, String target, Refusal refusal) {
        emit(type, caller.actor(), target, caller.clientAddress(), refusal.kind().code());
        return Outcome.refused(refusal);
    }

    void emit(AuditEventType type, String actor, String target, String client, String detail) {
        try {
            sink.record(new AuditEvent(type, actor, target, clock.instant(), client, detail));
        } catch (RuntimeException ignored) {
            // an audit sink must not break the call it reports on
        }
    }
}
