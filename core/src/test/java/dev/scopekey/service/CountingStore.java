package dev.scopekey.service;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the service asks of a store. */
final class CountingStore implements TokenStore {
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger useBatches = new AtomicInteger();
    final AtomicInteger usedTokens = new AtomicInteger();
    private final TokenStore delegate;

    CountingStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        lookups.incrementAndGet();
        return delegate.findByHash(hash);
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        return delegate.findByPrefix(prefix);
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        return delegate.list(query);
    }

    @Override
    public void apply(TokenChange change) {
        delegate.apply(change);
    }

    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        useBatches.incrementAndGet();
        usedTokens.addAndGet(lastUsedByHash.size());
        delegate.recordUse(lastUsedByHash);
    }
}
