package dev.scopekey.service;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The principal of each stored record, built once and reused while the store answers with the
 * identical record instance: a revoked, rescoped or otherwise changed record is a new instance
 * and gets a new principal. Only records a lookup found are kept, at most {@link #MAX_SIZE}
 * (then it starts over), so unknown or rotated tokens cannot grow it. Thread-safe.
 */
final class PrincipalCache {
    /** Most records remembered. */
    static final int MAX_SIZE = 10_000;

    private final Map<TokenHash, Known> known = new ConcurrentHashMap<>();

    /** The principal of {@code record}, found under {@code hash}. */
    TokenPrincipal principalOf(TokenHash hash, TokenRecord record) {
        Known entry = known.get(hash);
        if (entry != null && entry.record == record) {
            return entry.principal;
        }
        if (entry == null && known.size() >= MAX_SIZE) {
            known.clear();
        }
        TokenPrincipal principal = TokenPrincipal.of(record);
        known.put(hash, new Known(record, principal));
        return principal;
    }

    int size() {
        return known.size();
    }

    private static final class Known {
        final TokenRecord record;
        final TokenPrincipal principal;

        Known(TokenRecord record, TokenPrincipal principal) {
            this.record = record;
            this.principal = principal;
        }
    }
}
