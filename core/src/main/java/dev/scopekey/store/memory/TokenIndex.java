package dev.scopekey.store.memory;

import dev.scopekey.domain.TokenHash;

import dev.scopekey.domain.TokenRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable index of token records by hash and by prefix, for stores that keep every
 * record in memory. Changes produce a new index; readers never lock.
 */
final class TokenIndex {
    private static final TokenIndex EMPTY = new TokenIndex(new HashMap<>(), new TreeMap<>());
    private static final Comparator<TokenRecord> BY_HASH = Comparator.comparing(TokenRecord::hash);

    private final Map<TokenHash, TokenRecord> byHash;
    private final NavigableMap<String, List<TokenRecord>> byPrefix;

    private TokenIndex(Map<TokenHash, TokenRecord> byHash, NavigableMap<String, List<TokenRecord>> byPrefix) {
        this.byHash = byHash;
        this.byPrefix = byPrefix;
    }

    /**
     * The index of no records.
     *
     * @return the empty index
     */
    public static TokenIndex empty() {
        return EMPTY;
    }

    /**
     * An index of these records. A later record with the same hash replaces an earlier one.
     *
     * @param records the records
     * @return the index
     */
    public static TokenIndex of(Collection<TokenRecord> records) {
        Map<TokenHash, TokenRecord> hashes = new HashMap<>();
        for (TokenRecord record : records) {
            hashes.put(TokenHash.fromHex(record.hash()), record);
        }
        NavigableMap<String, List<TokenRecord>> prefixes = new TreeMap<>();
        for (TokenRecord record : hashes.values()) {
            prefixes.computeIfAbsent(record.prefix(), p -> new ArrayList<>()).add(record);
        }
        prefixes.replaceAll((prefix, group) -> {
            group.sort(BY_HASH);
            return List.copyOf(group);
        });
        // a HashMap, not Map.copyOf: its lookup masks the hash where MapN's probe divides by the
        // table size, and nothing writes to it once the index is built
        return new TokenIndex(hashes, prefixes);
    }

    /**
     * The record with this hex hash.
     *
     * @param hash the token's hex hash
     * @return the record, or empty (also for a text that is not a hex hash)
     */
    public Optional<TokenRecord> findByHash(String hash) {
        return TokenHash.isHex(hash) ? findByHash(TokenHash.fromHex(hash)) : Optional.empty();
    }

    /**
     * The record with this hash: one map lookup, no text built.
     *
     * @param hash the token's hash
     * @return the record, or empty
     */
    public Optional<TokenRecord> findByHash(TokenHash hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    /**
     * The records with this display prefix.
     *
     * @param prefix the display prefix
     * @return the records, possibly none
     */
    public List<TokenRecord> findByPrefix(String prefix) {
        return byPrefix.getOrDefault(prefix, List.of());
    }

    /**
     * Whether a record has this hash.
     *
     * @param hash the token's hash
     * @return whether one has
     */
    public boolean containsHash(String hash) {
        return TokenHash.isHex(hash) && byHash.containsKey(TokenHash.fromHex(hash));
    }

    /**
     * Whether a record has this display prefix.
     *
     * @param prefix the display prefix
     * @return whether one has
     */
    public boolean containsPrefix(String prefix) {
        return byPrefix.containsKey(prefix);
    }

    /**
     * How many records the index holds.
     *
     * @return the count
     */
    public int size() {
        return byHash.size();
    }

    /**
     * Every record, in no set order.
     *
     * @return the records, unmodifiable
     */
    public Collection<TokenRecord> records() {
        return Collections.unmodifiableCollection(byHash.values());
    }

    /**
     * Records ordered by prefix then hash, after {@code afterPrefix} (exclusive, null for the
     * start), of {@code subject} (null for any), live at {@code liveAt} (null for any), at most
     * {@code limit}.
     *
     * @param subject only this subject's tokens, or null for all
     * @param afterPrefix only prefixes greater than this, or null
     * @param liveAt only tokens live at this instant, or null
     * @param limit most records to return
     * @return the records, ordered by prefix
     */
    public List<TokenRecord> list(String subject, String afterPrefix, Instant liveAt, int limit) {
        NavigableMap<String, List<TokenRecord>> tail =
                afterPrefix == null ? byPrefix : byPrefix.tailMap(afterPrefix, false);
        List<TokenRecord> page = new ArrayList<>(Math.min(limit, byHash.size()));
        for (List<TokenRecord> group : tail.values()) {
            for (TokenRecord record : group) {
                if ((subject == null || subject.equals(record.subject()))
                        && (liveAt == null || record.isLiveAt(liveAt))) {
                    page.add(record);
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
        }
        return page;
    }

    /**
     * This index with {@code inserts} added and {@code updates} replacing records of the same
     * hash (updates of absent hashes are skipped).
     *
     * @param inserts new records
     * @param updates new versions of existing records, matched by hash
     * @return the new index
     * @throws IllegalStateException naming the prefix if an insert's prefix or hash is present
     */
    public TokenIndex with(List<TokenRecord> inserts, List<TokenRecord> updates) {
        Map<TokenHash, TokenRecord> hashes = new HashMap<>(byHash);
        java.util.Set<String> prefixes = new java.util.HashSet<>(byPrefix.keySet());
        for (TokenRecord insert : inserts) {
            TokenHash hash = TokenHash.fromHex(insert.hash());
            if (hashes.containsKey(hash) || !prefixes.add(insert.prefix())) {
                throw new IllegalStateException(insert.prefix());
            }
            hashes.put(hash, insert);
        }
        for (TokenRecord update : updates) {
            hashes.computeIfPresent(TokenHash.fromHex(update.hash()), (hash, old) -> update);
        }
        return of(hashes.values());
    }
}
