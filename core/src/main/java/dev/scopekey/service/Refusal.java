package dev.scopekey.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Why the token service refused an administrative call. The message is for people, names the
 * rule that was broken and never contains a token.
 *
 * @param kind the class of refusal; adapters map it to a status
 * @param message human-readable reason
 * @param retryAfter when to try again (rate limits), or null
 */
public record Refusal(Kind kind, String message, Duration retryAfter) {

    /** Classes of refusal, each with the HTTP status and error code adapters use. */
    public enum Kind {
        /** The request is malformed or names something impossible (400). */
        INVALID_REQUEST(400, "invalid_request"),
        /** The caller may not do this (403). */
        FORBIDDEN(403, "forbidden"),
        /** No such token, or none the caller may see (404). */
        NOT_FOUND(404, "not_found"),
        /** The request conflicts with the tokens as they are (409). */
        CONFLICT(409, "conflict"),
        /** Too many requests; try again after {@code retryAfter} (429). */
        RATE_LIMITED(429, "rate_limited");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        /**
         * The HTTP status adapters answer with.
         *
         * @return the status code
         */
        public int status() {
            return status;
        }

        /**
         * The error code adapters put in the response.
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
