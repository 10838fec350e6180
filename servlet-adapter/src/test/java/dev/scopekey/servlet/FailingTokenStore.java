package dev.scopekey.servlet;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import java.util.List;
import java.util.Optional;

/** A store whose backing system is down: every call throws {@link TokenStoreException}. */
final class FailingTokenStore implements TokenStore {
    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        throw down();
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        throw down();
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        throw down();
    }

    @Override
    public void apply(TokenChange change) {
        throw down();
    }

    @Override
    public void recordUse(java.util.Map<String, java.time.Instant> lastUsedByHash) {
        throw down();
    }

    private static TokenStoreException down() {
        return new TokenStoreException("the token database is down");
    }
}
