package dev.scopekey.port;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where token records live. Implementations are thread-safe, keep hashes and prefixes (never
 * plaintext they did not receive from an operator) and pass the testkit's
 * {@code TokenStoreContract}.
 *
 * <p>Every method may throw {@link TokenStoreException} when the store cannot answer; a
 * failed {@link #apply} leaves the store unchanged.
 */
public interface TokenStore {

    /**
     * The record with this hex SHA-256, revoked or not. The hot path of every request.
     *
     * @param hash the token's hash
     * @return the record, or empty when none has this hash
     */
    Optional<TokenRecord> findByHash(String hash);

    /**
     * The record with this hash, revoked or not: the lookup every request makes. It must answer
     * as {@link #findByHash(String)} does for {@code hash.hex()}, which is what this default
     * does; stores that can look up without building the hex text override it.
     *
     * @param hash the token's hash
     * @return the record, or empty when none has this hash
     */
    default Optional<TokenRecord> findByHash(TokenHash hash) {
        return findByHash(hash.hex());
    }

    /**
     * Every record with this display prefix: one for minted tokens, maybe more for legacy ones.
     *
     * @param prefix the display prefix
     * @return every record with this prefix, possibly none
     */
    List<TokenRecord> findByPrefix(String prefix);

    /**
     * A page of records, as {@link TokenQuery} describes.
     *
     * @param query which records, from where, and how many
     * @return one page of records, ordered by prefix
     */
    List<TokenRecord> list(TokenQuery query);

    /**
     * Applies inserts and updates atomically, persisted before it returns.
     *
     * @param change the records to insert and replace
     */
    void apply(TokenChange change);

    /**
     * Records last use times, keyed by hash, in one batch. Unknown hashes are ignored; a later
     * time never goes backwards; and it must change nothing but the last-use time, atomically
     * with respect to {@link #apply}: a revocation that races with it must never be written back
     * unrevoked (the testkit's contract checks this).
     *
     * @param lastUsedByHash the latest use of each token, by hash
     */
    void recordUse(Map<String, Instant> lastUsedByHash);

    /**
     * Removes every record revoked or expired strictly before {@code cutoff}
     * ({@link TokenRecord#endedBefore}), atomically and persisted before it returns, and touches
     * nothing else (a token file keeps its other lines byte for byte). A record that is live, or
     * ended at or after the cutoff, is never removed. The default refuses: a store that cannot
     * prune says so rather than pretend.
     *
     * @param cutoff records that ended before this instant are removed
     * @return the records removed, in no particular order; empty when none
     * @throws UnsupportedOperationException if the store does not prune
     */
    default List<TokenRecord> prune(Instant cutoff) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not prune");
    }

    /**
     * Changes the editable metadata of the record with this hash (name, address allow-list, rate
     * limit, disabled) and nothing else, persisted before it returns. It must be atomic with
     * respect to {@link #apply} and {@link #recordUse}: a revocation or a last use that races with
     * it is never lost (the testkit's contract checks the fields it leaves alone).
     *
     * <p>This default reads the record and applies the updated copy; it is not atomic, so a store
     * that can race with a revocation overrides it (every store of this library does).
     *
     * @param hash the token's hash
     * @param update the fields to set
     * @return the record as it is now stored, or empty when no record has this hash
     */
    default Optional<TokenRecord> update(String hash, TokenUpdate update) {
        Optional<TokenRecord> found = findByHash(hash);
        if (found.isEmpty()) {
            return found;
        }
        TokenRecord updated = update.applyTo(found.get());
        apply(TokenChange.update(List.of(updated)));
        return Optional.of(updated);
    }

    /**
     * What the store holds in memory and how its cache does, for metrics to poll; empty (the
     * default) for a store that keeps nothing worth counting.
     *
     * @return the store's statistics, or empty
     */
    default Optional<StoreStatistics> statistics() {
        return Optional.empty();
    }
}
