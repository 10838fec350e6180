package dev.scopekey.port;

import dev.scopekey.domain.TokenRecord;
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

    /** The record with this hex SHA-256, revoked or not. The hot path of every request. */
    Optional<TokenRecord> findByHash(String hash);

    /** Every record with this display prefix: one for minted tokens, maybe more for legacy ones. */
    List<TokenRecord> findByPrefix(String prefix);

    /** A page of records, as {@link TokenQuery} describes. */
    List<TokenRecord> list(TokenQuery query);

    /** Applies inserts and updates atomically, persisted before it returns. */
    void apply(TokenChange change);

    /**
     * Records last use times, keyed by hash, in one batch. Unknown hashes are ignored; a later
     * time never goes backwards; and it must change nothing but the last-use time, atomically
     * with respect to {@link #apply}: a revocation that races with it must never be written back
     * unrevoked (the testkit's contract checks this).
     */
    void recordUse(Map<String, Instant> lastUsedByHash);
}
