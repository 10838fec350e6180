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

    public PlainToken token() {
        return token;
    }

    public TokenRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return "MintedToken[" + record + ", token=redacted]";
    }
}
