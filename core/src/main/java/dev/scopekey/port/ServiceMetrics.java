package dev.scopekey.port;

import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange;

/**
 * Hears what the token service decides and does, so a metrics library can count it: each
 * decision of the request path, each administration outcome and each last-use flush. Every
 * method is a no-op by default, so a listener overrides what it counts; {@link #NONE} counts
 * nothing and is what a service without metrics uses (then no time is measured at all).
 *
 * <p>The service calls these on the request threads, with enums and primitives only: a listener
 * must be thread-safe and should neither block nor allocate. A listener that throws never changes
 * a decision or an outcome; its failure is reported once as a health change
 * ({@link HealthChange.Part#METRICS}), not once per request.
 */
public interface ServiceMetrics {
    /** Counts nothing; the service measures nothing when this is its listener. */
    ServiceMetrics NONE = new ServiceMetrics() {
        @Override
        public String toString() {
            return "ServiceMetrics.NONE";
        }
    };

    /** An authentication accepted the credential. */
    default void granted() {
    }

    /**
     * A request was denied: by authentication, by an adapter before any token was checked, or by
     * authorization for a missing scope ({@link DenialReason#INSUFFICIENT_SCOPE}).
     *
     * @param reason why
     */
    default void denied(DenialReason reason) {
    }

    /**
     * An authentication could not be decided because a part failed.
     *
     * @param part the store or the credential tier that failed
     */
    default void unavailable(HealthChange.Part part) {
    }

    /**
     * How long one authentication took to verify the credential (checks, hash, lookups), whatever
     * it decided; not counting the audit event of a denial.
     *
     * @param nanos the verification time in nanoseconds
     */
    default void verified(long nanos) {
    }

    /**
     * An administrative call ended.
     *
     * @param action what it did, or {@link AdminAction#REFUSED}
     * @param count how many tokens it changed: one, the number revoked for a subject, zero for a refusal
     */
    default void administered(AdminAction action, int count) {
    }

    /**
     * A last-use flush wrote pending times to the store; a flush that fails or has nothing to write
     * is not reported here.
     *
     * @param records how many last-use times were written
     * @param lagMillis from the oldest time written to the write, in milliseconds of the service clock
     */
    default void lastUseFlushed(int records, long lagMillis) {
    }

    /** How an administrative call ended, for {@link #administered}. */
    enum AdminAction {
        /** A token was minted. */
        MINTED,
        /** Tokens were revoked: one by prefix, or all of a subject's. */
        REVOKED,
        /** A token was rotated: its successor minted, itself retired. */
        ROTATED,
        /** A token's editable metadata was changed. */
        UPDATED,
        /** The call was refused (forbidden, invalid, not found, conflicting or rate limited). */
        REFUSED
    }
}
