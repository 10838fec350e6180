package dev.scopekey.store.file;

import dev.scopekey.domain.TokenRecord;
import java.time.Instant;

/**
 * The extension attributes the store understands, in the order it writes them on a new line.
 * Any other key is kept as written.
 */
enum KnownAttribute {
    SUBJECT("subject", false),
    BY("by", false),
    EXPIRES("expires", true),
    REVOKED("revoked", true),
    REVOKED_BY("revokedBy", false),
    USED("used", true);

    private final String key;
    private final boolean time;

    KnownAttribute(String key, boolean time) {
        this.key = key;
        this.time = time;
    }

    String key() {
        return key;
    }

    boolean isTime() {
        return time;
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

    /** This attribute's value in {@code record}: a String, an Instant, or null when absent or empty. */
    Object valueIn(TokenRecord record) {
        Object value = rawValueIn(record);
        return "".equals(value) ? null : value;
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
            default:
                throw new AssertionError(this);
        }
    }

    /** The value as the store writes it. */
    String format(Object value) {
        return time ? InstantText.format((Instant) value) : (String) value;
    }
}
