package dev.scopekey.testing;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store whose every call fails, as a full disk or a database that is down. */
public final class FailingStore implements TokenStore {
    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        throw new TokenStoreException("disk full");
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        throw new TokenStoreException("disk full");
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        throw new TokenStoreException("disk full");
    }

    @Override
    public void apply(TokenChange change) {
        throw new TokenStoreException("disk full");
    }

    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        throw new TokenStoreException("disk full");
    }
}
