package dev.scopekey.servlet;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;

/** Store records of legacy tokens, as a token file's plain lines give them. */
final class LegacyRecords {
    private LegacyRecords() {
    }

    /** A legacy line: the token grants {@code *} and comes from the store. */
    static TokenRecord of(String token) {
        PlainToken plain = PlainToken.of(token);
        return new TokenRecord(plain.prefix(), plain.hash(), ScopeSet.root(), null, null, null, null, null, null,
                null, null, TokenSource.STORE);
    }
}
