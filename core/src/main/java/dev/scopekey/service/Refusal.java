package dev.scopekey.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Why the token service refused an administrative call. The message is for people, names the
 * rule that was broken and never contains a token.
 *
 * @param kind the class of refusal; adapters map it to their own answer (an HTTP status, say)
 * @param message human-readable reason
 * @param retryAfter when to try again (rate limits), or null
 */
public record Refusal(Kind kind, String message, Duration retryAfter) {

    /**
     * Classes of refusal, each with the error code adapters and the audit log name it by. The
     * core knows no HTTP: the servlet adapter decides which status each kind is answered with.
     */
    public enum Kind {
        /** The request is malformed or names something impossible. */
        INVALID_REQUEST("invalid_request"),
        /** The caller may not do this. */
        FORBIDDEN("forbidden"),
        /** No such token, or none the caller may see. */
        NOT_FOUND("not_found"),
        /** The request conflicts with the tokens as they are. */
        CONFLICT("conflict"),
        /** Too many requests; try again after {@code retryAfter}. */
        RATE_LIMITED("rate_limited");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /**
         * The stable error code adapters put in a response and the audit log records.
         *
         * @return the error code
         */
        public String code() {
            return code;
        }
    }

    /**
     * Checks kind and message are present.
     *
     * @param kind the class of refusal
     * @param message human-readable reason
     * @param retryAfter when to try again, or null
     */
    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Refusal of(Kind kind, String message) {
        return new Refusal(kind, message, null);
    }
}
