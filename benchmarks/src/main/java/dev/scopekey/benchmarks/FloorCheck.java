package dev.scopekey.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The floor a token check that keeps hashes at rest can reach: SHA-256 of the token
 * (thread-local digest), one {@link HashMap} lookup, one scope-set test.
 */
final class FloorCheck implements TokenCheck {
    private final Map<DigestKey, Set<String>> scopesByHash = new HashMap<>();
    private final String[] tokens;

    /** Knows {@code tokens}, each holding {@link #SCOPE}. */
    FloorCheck(String[] tokens) {
        this.tokens = tokens.clone();
        for (String token : tokens) {
            scopesByHash.put(Sha256.of(token), Set.of(SCOPE));
        }
    }

    @Override
    public boolean grants(String token) {
        Set<String> scopes = scopesByHash.get(Sha256.of(token));
        return scopes != null && scopes.contains(SCOPE);
    }

    @Override
    public String[] knownTokens() {
        return tokens.clone();
    }

    @Override
    public void close() {
        scopesByHash.clear();
    }
}
