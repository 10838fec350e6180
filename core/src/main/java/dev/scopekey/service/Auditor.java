package dev.scopekey.service;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Hands audit events to the sink, stamped with the service clock, with the facts each kind of
 * event carries. A failing sink never breaks or changes a call; it is reported once when it starts
 * failing (naming the first lost event) and once when it works again.
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
        emit(type, caller.actor(), target, caller.clientAddress(), refusal.kind().code(), Map.of());
        return Outcome.refused(refusal);
    }

    /** A token was minted: its scopes, name, subject and expiry. */
    void minted(Caller caller, TokenRecord minted) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("scopes", minted.scopes().toCommaList());
        facts.put("name", minted.name());
        facts.put("subject", minted.subject());
        facts.put("expires", text(minted.expiresAt()));
        facts.put("addresses", minted.allowedAddresses() == null ? null : minted.allowedAddresses().toString());
        facts.put("rate", minted.rateLimit() == null ? null : minted.rateLimit().toString());
        emit(AuditEventType.TOKEN_MINTED, caller.actor(), minted.prefix(), caller.clientAddress(), null, facts);
    }

    /** {@code old} was rotated: the successor's prefix and expiry, and when the old token retires. */
    void rotated(Caller caller, TokenRecord retired, TokenRecord successor) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("successor", successor.prefix());
        facts.put("expires", text(successor.expiresAt()));
        facts.put("retires", text(retired.revokedAt()));
        emit(AuditEventType.TOKEN_ROTATED, caller.actor(), retired.prefix(), caller.clientAddress(), null, facts);
    }

    /** A mutation of {@code target}, with the facts of its kind (none for a plain revoke). */
    void changed(AuditEventType type, Caller caller, String target, Map<String, String> facts) {
        emit(type, caller.actor(), target, caller.clientAddress(), null, facts);
    }

    /** A request was denied: the reason, and the missing scope (or null), the method and the path. */
    void denied(AuditEventType type, String actor, String target, DenialReason reason, ClientRequest request,
                String scope) {
        emit(type, actor, target, request.clientAddress(), reason.name(),
                new DeniedFacts(scope, request.method(), request.path()));
    }

    private void emit(AuditEventType type, String actor, String target, String client, String detail,
                      Map<String, String> facts) {
        AuditEvent event = new AuditEvent(type, actor, target, clock.instant(), client, detail, facts);
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            health.failed(Part.AUDIT_SINK, FailureText.of(sink, e) + "; audit events are lost, the first: " + event);
            return;
        }
        health.worked(Part.AUDIT_SINK);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * A denial's facts in their order (scope, method, path), read once by {@link AuditEvent}'s
     * copy through {@link #forEach}: a denied request builds no map of its own for them.
     */
    static final class DeniedFacts extends AbstractMap<String, String> {
        private final String scope;
        private final String method;
        private final String path;

        DeniedFacts(String scope, String method, String path) {
            this.scope = scope;
            this.method = method;
            this.path = path;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            action.accept("scope", scope);
            action.accept("method", method);
            action.accept("path", path);
        }

        @Override
        public int size() {
            return 3;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> facts = new LinkedHashMap<>();
            forEach(facts::put);
            return facts.entrySet();
        }
    }
}
