package dev.scopekey.service;

import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.HealthChange.Part;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How each part the service relies on did when last used: so a health endpoint, a readiness
 * probe or an operator can ask whether the store is reachable or the token file readable without
 * waiting for a request to fail. A part nobody has used yet is {@link Status#UNKNOWN}, never
 * claimed up; {@link TokenService#checkHealth()} reads the store once to find out. Immutable;
 * holds no secret (causes are sanitised as in {@link HealthChange}).
 */
public final class ServiceHealth {
    private final Instant at;
    private final List<PartHealth> parts;

    ServiceHealth(Instant at, List<PartHealth> parts) {
        this.at = Objects.requireNonNull(at, "at");
        this.parts = List.copyOf(parts);
        if (this.parts.size() != Part.values().length) {
            throw new IllegalArgumentException("one entry per part is required");
        }
    }

    /** Whether a part worked when last used. */
    public enum Status {
        /** Not used since the service started (no integrator tier configured, say). */
        UNKNOWN,
        /** Worked when last used. */
        UP,
        /** Failed when last used, and has not worked since. */
        FAILING
    }

    /**
     * One part's health.
     *
     * @param part which part
     * @param status whether it worked when last used
     * @param since when it changed to this status (by the service clock), or null while unknown
     * @param cause why it fails, sanitised and on one line, or null unless failing
     * @param failedCalls how many calls failed since it started failing; zero unless failing
     */
    public record PartHealth(Part part, Status status, Instant since, String cause, long failedCalls) {
        /**
         * Checks that part and status are given.
         *
         * @param part which part
         * @param status whether it worked when last used
         * @param since when it changed to this status, or null while unknown
         * @param cause why it fails, or null unless failing
         * @param failedCalls how many calls failed since it started failing
         */
        public PartHealth {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(status, "status");
        }

        /**
         * Whether it fails now.
         *
         * @return whether the status is {@link Status#FAILING}
         */
        public boolean isFailing() {
            return status == Status.FAILING;
        }
    }

    /**
     * When this snapshot was taken, by the service clock.
     *
     * @return the time of the snapshot
     */
    public Instant at() {
        return at;
    }

    /**
     * Every part, in the order of {@link Part}.
     *
     * @return one entry per part
     */
    public List<PartHealth> parts() {
        return parts;
    }

    /**
     * One part's health.
     *
     * @param part which part
     * @return its health
     */
    public PartHealth part(Part part) {
        return parts.get(part.ordinal());
    }

    /**
     * Whether a serious part ({@link Part#isSerious()}: the store, a credential tier, the audit
     * sink) fails now, so requests are answered unavailable or audit events are lost.
     *
     * @return whether any serious part is failing
     */
    public boolean isFailing() {
        for (PartHealth health : parts) {
            if (health.isFailing() && health.part().isSerious()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceHealth && at.equals(((ServiceHealth) other).at)
                && parts.equals(((ServiceHealth) other).parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, parts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ServiceHealth[");
        for (PartHealth health : parts) {
            text.append(health.part().label()).append(": ").append(health.status());
            if (health.cause() != null) {
                text.append(" (").append(health.cause()).append(')');
            }
            text.append(health.part().ordinal() < parts.size() - 1 ? ", " : "]");
        }
        return text.toString();
    }
}
