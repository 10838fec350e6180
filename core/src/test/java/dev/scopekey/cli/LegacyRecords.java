package dev.scopekey.cli;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;

/** Records as an operator-written token file gives them: legacy tokens, root scope, no dates. */
final class LegacyRecords {
    private LegacyRecords() {
    }

    static TokenRecord legacy(String token, String name) {
        PlainToken plain = PlainToken.of(token);
        return new TokenRecord(plain.prefix(), plain.hash(), ScopeSet.root(), name, null, null, null, null, null,
                null, null, TokenSource.STORE);
    }
}
