package dev.scopekey.service;

import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * How long minted tokens live (docs/policies.md, lifetimes): the lifetime a mint without one
 * gets, the longest one a mint may ask for, and whether a token may never expire. With nothing
 * configured a token lives as long as asked, or forever when nothing is asked (as in 0.1.0).
 * Immutable.
 */
final class LifetimePolicy {
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final boolean allowNeverExpires;

    private LifetimePolicy(Duration defaultLifetime, Duration maxLifetime, boolean allowNeverExpires) {
        this.defaultLifetime = defaultLifetime;
        this.maxLifetime = maxLifetime;
        this.allowNeverExpires = allowNeverExpires;
    }

    /**
     * The policy; {@code allowNeverExpires} null means: allowed exactly when there is no maximum.
     *
     * @throws IllegalArgumentException if a lifetime is not positive or the default exceeds the maximum
     */
    static LifetimePolicy of(Duration defaultLifetime, Duration maxLifetime, Boolean allowNeverExpires) {
        checkPositive("the default lifetime", defaultLifetime);
        checkPositive("the maximum lifetime", maxLifetime);
        if (defaultLifetime != null && maxLifetime != null && defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("the default lifetime (" + DurationText.format(defaultLifetime)
                    + ") exceeds the maximum lifetime (" + DurationText.format(maxLifetime) + ")");
        }
        boolean never = allowNeverExpires == null ? maxLifetime == null : allowNeverExpires;
        return new LifetimePolicy(defaultLifetime, maxLifetime, never);
    }

    private static void checkPositive(String what, Duration value) {
        if (value != null && (value.isZero() || value.isNegative() || value.compareTo(DurationText.LONGEST) > 0)) {
            throw new IllegalArgumentException(what + " must be positive and at most "
                    + DurationText.LONGEST.toDays() + "d");
        }
    }

    /** What a mint that asks for {@code requested} (null: nothing; {@link MintRequest#NEVER}) breaks, or null. */
    Refusal check(Duration requested) {
        Duration lifetime = effective(requested);
        if (lifetime == null) {
            if (allowNeverExpires) {
                return null;
            }
            return Refusal.of(Refusal.Kind.INVALID_REQUEST, (requested == null
                    ? "expiresIn is required: tokens here must expire"
                    : "tokens that never expire are not allowed here") + maximumText());
        }
        if (maxLifetime != null && lifetime.compareTo(maxLifetime) > 0) {
            return Refusal.of(Refusal.Kind.INVALID_REQUEST, "expiresIn exceeds the maximum lifetime of "
                    + DurationText.format(maxLifetime));
        }
        return null;
    }

    private String maximumText() {
        return maxLifetime == null ? "" : "; the maximum lifetime is " + DurationText.format(maxLifetime);
    }

    /** When a token minted {@code now} for {@code requested} expires, or null for never; after {@link #check}. */
    Instant expiresAt(Duration requested, Instant now) {
        Duration lifetime = effective(requested);
        return lifetime == null ? null : now.plus(lifetime);
    }

    /** The lifetime a request gets: its own, else the default; null for never. */
    private Duration effective(Duration requested) {
        if (MintRequest.NEVER.equals(requested)) {
            return null;
        }
        return requested == null ? defaultLifetime : requested;
    }

    /**
     * When a successor minted {@code now} for {@code old} expires: after the old token's own
     * lifetime, never later than the maximum allows; a successor of a token that never expires
     * never expires only where that is allowed, else it gets the default (or the maximum).
     */
    Instant successorExpiry(TokenRecord old, Instant now) {
        Instant expiresAt = inheritedExpiry(old, now);
        if (expiresAt == null && !allowNeverExpires) {
            Duration lifetime = defaultLifetime != null ? defaultLifetime : maxLifetime;
            return lifetime == null ? null : now.plus(lifetime);
        }
        if (expiresAt != null && maxLifetime != null && expiresAt.isAfter(now.plus(maxLifetime))) {
            return now.plus(maxLifetime);
        }
        return expiresAt;
    }

    private static Instant inheritedExpiry(TokenRecord old, Instant now) {
        if (old.expiresAt() == null) {
            return null;
        }
        if (old.createdAt() == null || !old.expiresAt().isAfter(old.createdAt())) {
            return old.expiresAt();
        }
        Duration lifetime = Duration.between(old.createdAt(), old.expiresAt());
        return lifetime.compareTo(DurationText.LONGEST) > 0 ? old.expiresAt() : now.plus(lifetime);
    }
}
