package dev.scopekey.port;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.HealthChange;

/**
 * Receives every audit event, and hears when a part the service relies on (the store, a
 * credential tier, this sink, the last-use flush) starts failing or works again. Must not throw;
 * must be thread-safe.
 */
@FunctionalInterface
public interface AuditSink {
    /** The logger health changes go to. */
    String HEALTH_LOGGER = "dev.scopekey.health";

    /**
     * Records one audit event; must not throw for an event it cannot deliver.
     *
     * @param event what happened, never with a secret
     */
    void record(AuditEvent event);

    /**
     * A part failed or recovered: called once per change, not once per request. The default
     * writes {@link HealthChange#describe()} to the platform logger ({@link System.Logger}
     * {@value #HEALTH_LOGGER}): ERROR or WARNING when a part fails, INFO when it works again.
     *
     * @param change the part whose health changed, and how
     */
    default void healthChanged(HealthChange change) {
        System.getLogger(HEALTH_LOGGER).log(levelOf(change), change.describe());
    }

    /**
     * A sink that drops every event, for tests; health changes still reach the platform logger.
     *
     * @return a sink that drops every event
     */
    static AuditSink discarding() {
        return event -> { };
    }

    private static System.Logger.Level levelOf(HealthChange change) {
        if (change.working()) {
            return System.Logger.Level.INFO;
        }
        return change.part().isSerious() ? System.Logger.Level.ERROR : System.Logger.Level.WARNING;
    }
}
