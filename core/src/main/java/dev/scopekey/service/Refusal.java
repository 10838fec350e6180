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
        INVALID_REQUEST(400, "invalid_request"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict"),
        RATE_LIMITED(429, "rate_limited");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Refusal of(Kind kind, String message) {
        return new Refusal(kind, message, null);
    }
}
