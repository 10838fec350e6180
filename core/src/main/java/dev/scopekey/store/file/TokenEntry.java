package dev.scopekey.store.file;

import dev.scopekey.domain.TokenRecord;
import java.util.List;

/**
 * The fields of one token line exactly as written, and the record they describe. Kept so that a
 * changed line can be rewritten with every field it does not change left as it was.
 * {@link #toString()} leaves out the credential, which may be an operator's plaintext token.
 */
final class TokenEntry {
    private final String credential;
    private final boolean legacy;
    private final String scopes;
    private final String name;
    private final String createdAt;
    private final List<Attribute> attributes;
    private final TokenRecord record;

    TokenEntry(String credential, boolean legacy, String scopes, String name, String createdAt,
               List<Attribute> attributes, TokenRecord record) {
        this.credential = credential;
        this.legacy = legacy;
        this.scopes = scopes;
        this.name = name;
        this.createdAt = createdAt;
        this.attributes = List.copyOf(attributes);
        this.record = record;
    }

    /** The credential field: a plaintext token or {@code sha256:<prefix>:<hash>}. */
    String credential() {
        return credential;
    }

    /** Whether the line is a bare token without tabs. */
    boolean isLegacy() {
        return legacy;
    }

    /** The scopes field as written; null for a legacy line. */
    String scopes() {
        return scopes;
    }

    /** The name field as written; null when the line has none. */
    String name() {
        return name;
    }

    /** The creation-time field as written; null when the line has none. */
    String createdAt() {
        return createdAt;
    }

    /** The {@code key=value} fields in the order written. */
    List<Attribute> attributes() {
        return attributes;
    }

    TokenRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return "TokenEntry[prefix=" + record.prefix() + ", legacy=" + legacy + ", credential=redacted]";
    }

    /** One {@code key=value} field as written. */
    record Attribute(String key, String value) {
        String text() {
            return key + "=" + value;
        }
    }
}
