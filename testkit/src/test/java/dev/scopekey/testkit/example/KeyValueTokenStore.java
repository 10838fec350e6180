package dev.scopekey.testkit.example;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A third party's store, as the testkit guide shows it: records kept as encoded strings in a
 * {@link ConcurrentHashMap}, the way a remote key-value cache would hold them, with the twist
 * that times are kept to the second only. Writers take one lock; readers never do.
 */
public final class KeyValueTokenStore implements TokenStore {
    private static final String NULL = "-";

    private final Map<String, String> byHash = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, String> hashByPrefix = new ConcurrentSkipListMap<>();

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash)).map(KeyValueTokenStore::decode);
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
            TokenRecord record = decode(byHash.get(hash));
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
            byHash.put(insert.hash(), encode(insert));
            hashByPrefix.put(insert.prefix(), insert.hash());
        }
        for (TokenRecord update : change.updates()) {
            byHash.computeIfPresent(update.hash(), (hash, old) -> encode(update));
        }
    }

    /** Under the writers' lock: removes what ended before the cutoff, from both maps. */
    @Override
    public synchronized List<TokenRecord> prune(Instant cutoff) {
        List<TokenRecord> removed = new ArrayList<>();
        for (String encoded : byHash.values()) {
            TokenRecord record = decode(encoded);
            if (record.endedBefore(cutoff)) {
                removed.add(record);
            }
        }
        for (TokenRecord record : removed) {
            byHash.remove(record.hash());
            hashByPrefix.remove(record.prefix(), record.hash());
        }
        return removed;
    }

    /** Under the writers' lock, so a revocation applied meanwhile is never written back unrevoked. */
    @Override
    public synchronized void recordUse(Map<String, Instant> lastUsedByHash) {
        lastUsedByHash.forEach((hash, at) -> byHash.computeIfPresent(hash, (h, encoded) -> {
            TokenRecord record = decode(encoded);
            boolean later = record.lastUsedAt() == null || record.lastUsedAt().isBefore(at);
            return later ? encode(record.withLastUsedAt(at)) : encoded;
        }));
    }

    private static String encode(TokenRecord r) {
        return String.join("|", text(r.prefix()), r.hash(), text(r.scopes().toCommaList()), text(r.name()),
                text(r.subject()), seconds(r.createdAt()), text(r.createdBy()), seconds(r.expiresAt()),
                seconds(r.lastUsedAt()), seconds(r.revokedAt()), text(r.revokedBy()), r.source().name(),
                text(r.allowedAddresses() == null ? null : r.allowedAddresses().toString()),
                text(r.rateLimit() == null ? null : r.rateLimit().toString()), Boolean.toString(r.disabled()));
    }

    private static TokenRecord decode(String encoded) {
        String[] f = encoded.split("\\|", -1);
        return TokenRecord.builder(untext(f[0]), f[1], ScopeSet.parseList(untext(f[2])))
                .name(untext(f[3]))
                .subject(untext(f[4]))
                .createdAt(instant(f[5]))
                .createdBy(untext(f[6]))
                .expiresAt(instant(f[7]))
                .lastUsedAt(instant(f[8]))
                .revokedAt(instant(f[9]))
                .revokedBy(untext(f[10]))
                .source(TokenSource.valueOf(f[11]))
                .allowedAddresses(NULL.equals(f[12]) ? null : AddressList.parse(untext(f[12])))
                .rateLimit(NULL.equals(f[13]) ? null : RequestRate.parse(untext(f[13])))
                .disabled(Boolean.parseBoolean(f[14]))
                .build();
    }

    private static String text(String value) {
        return value == null ? NULL : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String field) {
        return NULL.equals(field) ? null : new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }

    private static String seconds(Instant value) {
        return value == null ? NULL : Long.toString(value.getEpochSecond());
    }

    private static Instant instant(String field) {
        return NULL.equals(field) ? null : Instant.ofEpochSecond(Long.parseLong(field));
    }
}
