package dev.scopekey.store.file;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenRecord;
import java.time.Instant;

/**
 * The extension attributes the store understands, in the order it writes them on a new line.
 * Any other key is kept as written.
 */
enum KnownAttribute {
    SUBJECT("subject", Kind.TEXT),
    BY("by", Kind.TEXT),
    EXPIRES("expires", Kind.TIME),
    REVOKED("revoked", Kind.TIME),
    REVOKED_BY("revokedBy", Kind.TEXT),
    USED("used", Kind.TIME),
    ADDRESSES("addresses", Kind.ADDRESSES),
    RATE("rate", Kind.RATE),
    DISABLED("disabled", Kind.FLAG);

    /** How an attribute's value is read and written, and the rule a bad one breaks. */
    private enum Kind {
        TEXT(LineProblem.BAD_TEXT_ATTRIBUTE),
        TIME(LineProblem.BAD_TIME_ATTRIBUTE),
        ADDRESSES(LineProblem.BAD_ADDRESSES_ATTRIBUTE),
        RATE(LineProblem.BAD_RATE_ATTRIBUTE),
        FLAG(LineProblem.BAD_FLAG_ATTRIBUTE);

        private final LineProblem problem;

        Kind(LineProblem problem) {
            this.problem = problem;
        }
    }

    private final String key;
    private final Kind kind;

    KnownAttribute(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    String key() {
        return key;
    }

    /** Whether the value is free text, which a writer checks for control characters. */
    boolean isText() {
        return kind == Kind.TEXT;
    }

    /** The rule a value this attribute cannot read breaks. */
    LineProblem problem() {
        return kind.problem;
    }

    /** The attribute for this key, or null when the key is not a known one. */
    static KnownAttribute forKey(String key) {
        for (KnownAttribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return attribute;
            }
        }
        return null;
    }

    /**
     * The value as written read into what a record holds (a String, Instant, AddressList,
     * RequestRate or Boolean), or null when it is malformed; no name is ever looked up.
     */
    Object parse(String value) {
        switch (kind) {
            case TIME:
                return InstantText.parse(value);
            case ADDRESSES:
                try {
                    return AddressList.parse(value);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case RATE:
                try {
                    return RequestRate.parse(value);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case FLAG:
                return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
            default:
                return value.isEmpty() || TokenLineParser.hasControl(value) ? null : value;
        }
    }

    /**
     * This attribute's value in {@code record}: a String, an Instant, an AddressList, a
     * RequestRate or {@code Boolean.TRUE}, or null when absent, empty or false.
     */
    Object valueIn(TokenRecord record) {
        Object value = rawValueIn(record);
        return "".equals(value) || Boolean.FALSE.equals(value) ? null : value;
    }

    private Object rawValueIn(TokenRecord record) {
        switch (this) {
            case SUBJECT:
                return record.subject();
            case BY:
                return record.createdBy();
            case EXPIRES:
                return record.expiresAt();
            case REVOKED:
                return record.revokedAt();
            case REVOKED_BY:
                return record.revokedBy();
            case USED:
                return record.lastUsedAt();
            case ADDRESSES:
                return record.allowedAddresses();
            case RATE:
                return record.rateLimit();
            case DISABLED:
                return record.disabled();
            default:
                throw new AssertionError(this);
        }
    }

    /** The value as the store writes it. */
    String format(Object value) {
        return kind == Kind.TIME ? InstantText.format((Instant) value) : value.toString();
    }
}
