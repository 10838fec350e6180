package dev.scopekey.servlet;

import dev.scopekey.domain.DenialReason;
import java.util.Objects;

/**
 * What a request presented: one bearer token, nothing usable, or something refused before any
 * store is asked. {@link Token#toString()} is redacted.
 */
sealed interface BearerCredential permits BearerCredential.Token, BearerCredential.Rejected {

    /** No bearer credential (none at all, another scheme, or a token only in the query string). */
    Rejected NONE = new Rejected(DenialReason.NO_CREDENTIAL);
    /** More than one token, or an empty one. */
    Rejected INVALID_REQUEST = new Rejected(DenialReason.INVALID_REQUEST);
    /** A token outside RFC 6750's b64token syntax, or too long. */
    Rejected MALFORMED = new Rejected(DenialReason.MALFORMED);

    /** Exactly one syntactically valid bearer token. */
    final class Token implements BearerCredential {
        private final String value;

        Token(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The token text. Never log it. */
        String reveal() {
            return value;
        }

        @Override
        public String toString() {
            return "BearerCredential.Token[redacted]";
        }
    }

    /** A request refused for the reason given, without asking a store. */
    record Rejected(DenialReason reason) implements BearerCredential {
    }
}
