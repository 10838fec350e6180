package dev.scopekey.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of authenticating or authorizing a request: granted, denied, or undecidable
 * because the store is unavailable. Adapters turn it into a response in one place; an
 * {@link Unavailable} is never treated as an allow.
 */
public sealed interface AuthDecision permits AuthDecision.Granted, AuthDecision.Denied, AuthDecision.Unavailable {

    /**
     * Whether this decision lets the request through.
     *
     * @return true only for {@link Granted}
     */
    default boolean isGranted() {
        return this instanceof Granted;
    }

    /** The request may proceed as {@code principal}. */
    record Granted(TokenPrincipal principal) implements AuthDecision {
        /**
         * Checks the principal is present.
         *
         * @param principal who the request proceeds as
         */
        public Granted {
            Objects.requireNonNull(principal, "principal");
        }

        /**
         * The grant of {@code principal}, the same instance on every call: granting a request
         * allocates nothing.
         *
         * @param principal who the request proceeds as
         * @return the principal's grant
         * @throws NullPointerException if the principal is null
         */
        public static Granted of(TokenPrincipal principal) {
            return principal.granted;
        }
    }

    /**
     * The request is refused.
     *
     * @param reason why
     * @param principal who was recognised (for insufficient scope), or null
     * @param requiredScope the scope that was missing, or null
     * @param retryAfter for {@link DenialReason#RATE_LIMITED}, how long until the token may be used
     *     again; else null
     */
    record Denied(DenialReason reason, TokenPrincipal principal, String requiredScope, Duration retryAfter)
            implements AuthDecision {
        /**
         * Checks the reason is present.
         *
         * @param reason why
         * @param principal who was recognised, or null
         * @param requiredScope the scope that was missing, or null
         * @param retryAfter how long until a rate-limited token may be used again, or null
         */
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * A denial with no wait to tell.
         *
         * @param reason why
         * @param principal who was recognised, or null
         * @param requiredScope the scope that was missing, or null
         */
        public Denied(DenialReason reason, TokenPrincipal principal, String requiredScope) {
            this(reason, principal, requiredScope, null);
        }

        /**
         * A denial because the token's own rate limit is used up.
         *
         * @param principal whose token it is
         * @param retryAfter how long until it may be used again
         * @return the denial
         */
        public static Denied rateLimited(TokenPrincipal principal, Duration retryAfter) {
            return new Denied(DenialReason.RATE_LIMITED, principal, null, Objects.requireNonNull(retryAfter));
        }

        /**
         * A denial that names no principal and no scope: one shared instance per reason, since it
         * is immutable and says nothing else.
         *
         * @param reason why
         * @return the denial
         */
        public static Denied because(DenialReason reason) {
            return BY_REASON[reason.ordinal()];
        }

        /** One denial per reason with neither principal nor scope: a denial allocates none. */
        private static final Denied[] BY_REASON = byReason();

        private static Denied[] byReason() {
            DenialReason[] reasons = DenialReason.values();
            Denied[] denials = new Denied[reasons.length];
            for (DenialReason reason : reasons) {
                denials[reason.ordinal()] = new Denied(reason, null, null);
            }
            return denials;
        }
    }

    /**
     * No decision could be made because a store (or a credential tier) failed; the caller should
     * retry later.
     *
     * @param cause what failed and why, for operators: the part, the exception's class and message
     *     with secrets taken out ({@link FailureText}); kept to one line ({@link LogText#line})
     */
    record Unavailable(String cause) implements AuthDecision {
        /**
         * Keeps the cause to one line.
         *
         * @param cause what failed and why, for operators
         */
        public Unavailable {
            cause = LogText.line(Objects.requireNonNull(cause, "cause"));
        }
    }
}
