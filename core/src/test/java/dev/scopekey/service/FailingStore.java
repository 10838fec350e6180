package dev.scopekey.service;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import java.util.List;
import java.util.Optional;

/** A store whose every call fails, as a database that is down. */
final class FailingStore implements TokenStore {
    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        throw new TokenStoreException("store is down");
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        throw new TokenStoreException("store is down");
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        throw new TokenStoreException("store is down");
    }

    @Override
    public void apply(TokenChange change) {
        throw new TokenStoreException("store is down");
    }

    @Override
    public void recordUse(java.util.Map<String, java.time.Instant> lastUsedByHash) {
        throw new TokenStoreException("store is down");
    }
}
