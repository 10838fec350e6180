package dev.scopekey.store.memory;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that keeps records in process memory only: for tests, and for services whose tokens
 * live no longer than the process. Thread-safe; reads never lock.
 */
public final class InMemoryTokenStore implements TokenStore {
    private volatile TokenIndex index;

    /** An empty store. */
    public InMemoryTokenStore() {
        this.index = TokenIndex.empty();
    }

    private InMemoryTokenStore(TokenIndex index) {
        this.index = index;
    }

    /**
     * A store preloaded with records, which (unlike inserts) may share a display prefix, as
     * legacy tokens from a token file can.
     *
     * @param records the records
     * @return the store
     */
    public static InMemoryTokenStore withRecords(Collection<TokenRecord> records) {
        return new InMemoryTokenStore(TokenIndex.of(records));
    }

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        return index.findByHash(hash);
    }

    @Override
    public Optional<TokenRecord> findByHash(TokenHash hash) {
        return index.findByHash(hash);
    }

    /** Reports how many records the store holds; it has no cache. */
    @Override
    public Optional<StoreStatistics> statistics() {
        return Optional.of(() -> index.size());
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        return index.findByPrefix(prefix);
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        return index.list(query.subject(), query.afterPrefix(), query.liveAt(), query.limit());
    }

    @Override
    public synchronized Optional<TokenRecord> update(String hash, TokenUpdate update) {
        return TokenStore.super.update(hash, update); // atomic: apply and recordUse take the same lock
    }

    /**
     * Inserts and replaces records under this store's lock.
     *
     * @param change the records to insert and replace
     */
    @Override
    public synchronized void apply(TokenChange change) {
        try {
            index = index.with(change.inserts(), change.updates());
        } catch (IllegalStateException duplicate) {
            throw new DuplicateTokenException(duplicate.getMessage());
        }
    }

    @Override
    public synchronized List<TokenRecord> prune(Instant cutoff) {
        List<TokenRecord> kept = new ArrayList<>();
        List<TokenRecord> removed = new ArrayList<>();
        for (TokenRecord record : index.records()) {
            (record.endedBefore(cutoff) ? removed : kept).add(record);
        }
        if (!removed.isEmpty()) {
            index = TokenIndex.of(kept);
        }
        return removed;
    }

    /**
     * Reads and writes under the same lock as {@link #apply}, so a batch read before a concurrent
     * revocation can never write the record back unrevoked.
     */
    @Override
    public synchronized void recordUse(Map<String, Instant> lastUsedByHash) {
        List<TokenRecord> updates = new ArrayList<>();
        lastUsedByHash.forEach((hash, at) -> index.findByHash(hash)
                .filter(record -> record.lastUsedAt() == null || record.lastUsedAt().isBefore(at))
                .ifPresent(record -> updates.add(record.withLastUsedAt(at))));
        if (!updates.isEmpty()) {
            index = index.with(List.of(), updates);
        }
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + index.size() + " tokens]";
    }
}
