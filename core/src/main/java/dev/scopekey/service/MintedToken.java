package dev.scopekey.service;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import java.util.Objects;

/**
 * A freshly minted token: the plaintext, shown to its owner this once, and the stored record.
 * {@link #toString()} is redacted.
 */
public final class MintedToken {
    private final PlainToken token;
    private final TokenRecord record;

    MintedToken(PlainToken token, TokenRecord record) {
        this.token = Objects.requireNonNull(token, "token");
        this.record = Objects.requireNonNull(record, "record");
    }

    /**
     * The new token itself, shown this once.
     *
     * @return the plaintext token
     */
    public PlainToken token() {
        return token;
    }

    /**
     * What the store keeps of it (its hash, never the secret).
     *
     * @return the stored record
     */
    public TokenRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return "MintedToken[" + record + ", token=redacted]";
    }
}
