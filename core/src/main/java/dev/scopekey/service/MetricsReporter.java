package dev.scopekey.service;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.port.ServiceMetrics.AdminAction;

/**
 * Hands what the service decides and does to its {@link ServiceMetrics} listener, so that a
 * listener that throws never changes an answer: its failure is dropped and reported once as a
 * health change of {@link Part#METRICS} (and once when it works again), never once per request.
 * With {@link ServiceMetrics#NONE} every call returns at once; the request path does not even
 * call it then (see {@link #onRequestPath()}). Passes enums and primitives only. Thread-safe.
 */
final class MetricsReporter {
    private final ServiceMetrics listener;
    private final HealthMonitor health;
    private final boolean on;

    MetricsReporter(ServiceMetrics listener, HealthMonitor health) {
        this.listener = listener;
        this.health = health;
        this.on = listener != ServiceMetrics.NONE;
    }

    /** This reporter for the request path to call, or null when nothing listens: one null check per decision. */
    MetricsReporter onRequestPath() {
        return on ? this : null;
    }

    /** One authentication's decision and verification time; unavailable is reported with its part by {@link #unavailable}. */
    void authenticated(AuthDecision decision, long nanos) {
        if (!on) {
            return;
        }
        try {
            listener.verified(nanos);
            if (decision instanceof AuthDecision.Granted) {
                listener.granted();
            } else if (decision instanceof AuthDecision.Denied) {
                listener.denied(((AuthDecision.Denied) decision).reason());
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        health.worked(Part.METRICS);
    }

    void denied(DenialReason reason) {
        if (!on) {
            return;
        }
        try {
            listener.denied(reason);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        health.worked(Part.METRICS);
    }

    void unavailable(Part part) {
        if (!on) {
            return;
        }
        try {
            listener.unavailable(part);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        health.worked(Part.METRICS);
    }

    void administered(AdminAction action, int count) {
        if (!on) {
            return;
        }
        try {
            listener.administered(action, count);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        health.worked(Part.METRICS);
    }

    void lastUseFlushed(int records, long lagMillis) {
        if (!on) {
            return;
        }
        try {
            listener.lastUseFlushed(records, lagMillis);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        health.worked(Part.METRICS);
    }

    private void failed(RuntimeException e) {
        health.failed(Part.METRICS, FailureText.of(listener, e) + "; counts are lost, decisions are unchanged");
    }
}
