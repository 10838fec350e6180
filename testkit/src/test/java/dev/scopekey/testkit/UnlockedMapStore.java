package dev.scopekey.testkit;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A deliberately racy store for the contract's own tests: correct in everything but
 * {@link #recordUse}, which reads each record and writes it back outside the lock that
 * {@link #apply} holds. The window is a map read and a map write apart, as narrow as such a bug
 * gets, so a revocation applied in between is lost only now and then.
 */
final class UnlockedMapStore implements TokenStore {
    private final Map<String, TokenRecord> byHash = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> hashByPrefix = new ConcurrentSkipListMap<>();

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        String hash = hashByPrefix.get(prefix);
        return hash == null ? List.of() : findByHash(hash).map(List::of).orElse(List.of());
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        Map<String, String> from = query.afterPrefix() == null ? hashByPrefix
                : hashByPrefix.tailMap(query.afterPrefix(), false);
        List<TokenRecord> page = new ArrayList<>();
        for (String hash : from.values()) {
            TokenRecord record = byHash.get(hash);
            boolean wanted = (query.subject() == null || query.subject().equals(record.subject()))
                    && (query.liveAt() == null || record.isLiveAt(query.liveAt()));
            if (wanted && page.size() < query.limit()) {
                page.add(record);
            }
        }
        return page;
    }

    @Override
    public synchronized void apply(TokenChange change) {
        Set<String> prefixes = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (TokenRecord insert : change.inserts()) {
            if (byHash.containsKey(insert.hash()) || hashByPrefix.containsKey(insert.prefix())
                    || !prefixes.add(insert.prefix()) || !hashes.add(insert.hash())) {
                throw new DuplicateTokenException(insert.prefix());
            }
        }
        for (TokenRecord insert : change.inserts()) {
            byHash.put(insert.hash(), insert);
            hashByPrefix.put(insert.prefix(), insert.hash());
        }
        for (TokenRecord update : change.updates()) {
            byHash.computeIfPresent(update.hash(), (hash, old) -> update);
        }
    }

    /** The flaw: read, then write, with no lock between them. */
    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        lastUsedByHash.forEach((hash, at) -> {
            TokenRecord record = byHash.get(hash);
            if (record != null && (record.lastUsedAt() == null || record.lastUsedAt().isBefore(at))) {
                byHash.put(hash, record.withLastUsedAt(at));
            }
        });
    }
}
