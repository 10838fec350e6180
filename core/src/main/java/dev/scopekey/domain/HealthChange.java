package dev.scopekey.domain;

import java.util.Objects;

/**
 * A part the token service relies on stopped working, or works again. The service reports each
 * change once, not once per request, so an operator who sees 503s finds one line saying why and
 * one saying it is over. Holds no secret: details are sanitised ({@link FailureText}) and kept on
 * one line ({@link LogText}).
 *
 * @param part what changed
 * @param working whether it works now
 * @param detail why it fails, or what happened while it failed; may be null
 */
public record HealthChange(Part part, boolean working, String detail) {

    /** The parts whose health the service watches. */
    public enum Part {
        /** Reads of the token store on the request path (authentication). */
        TOKEN_STORE("token store", true),
        /** An integrator's credential tier ({@code Authenticator}). */
        CREDENTIAL_TIER("credential tier", true),
        /** The audit sink: while it fails, audit events are lost. */
        AUDIT_SINK("audit sink", true),
        /** Writing coalesced last-use times to the store; what fails stays pending. */
        LAST_USE_FLUSH("last-use flush", false),
        /** The metrics listener: while it fails, counts are lost; decisions never change. */
        METRICS("metrics", false),
        /** The scheduled prune of tokens revoked or expired long ago; what fails is tried again next time. */
        SCHEDULED_PRUNE("scheduled prune", false);

        private final String label;
        private final boolean serious;

        Part(String label, boolean serious) {
            this.label = label;
            this.serious = serious;
        }

        /**
         * How a log line names it, e.g. {@code token store}.
         *
         * @return the part's name in a log line
         */
        public String label() {
            return label;
        }

        /**
         * Whether its failure is an error (requests or audit events suffer), not only a warning.
         *
         * @return whether a failure of this part is an error
         */
        public boolean isSerious() {
            return serious;
        }
    }

    /**
     * Keeps the detail to one line.
     *
     * @param part what changed
     * @param working whether it works now
     * @param detail why it fails, or what happened while it failed; may be null
     */
    public HealthChange {
        Objects.requireNonNull(part, "part");
        detail = LogText.line(detail);
    }

    /**
     * The part failed because of {@code detail}.
     *
     * @param part the part that fails
     * @param detail why
     * @return the change
     */
    public static HealthChange failing(Part part, String detail) {
        return new HealthChange(part, false, detail);
    }

    /**
     * The part works again; {@code detail} says what happened meanwhile, or is null.
     *
     * @param part the part that works again
     * @param detail what happened meanwhile, or null
     * @return the change
     */
    public static HealthChange recovered(Part part, String detail) {
        return new HealthChange(part, true, detail);
    }

    /**
     * One log line: {@code token store failing: …} or {@code token store works again: …}.
     *
     * @return the log line
     */
    public String describe() {
        return part.label() + (working ? " works again" : " failing") + (detail == null ? "" : ": " + detail);
    }

    @Override
    public String toString() {
        return describe();
    }
}
