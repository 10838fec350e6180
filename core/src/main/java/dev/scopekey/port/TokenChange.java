package dev.scopekey.port;

import dev.scopekey.domain.TokenRecord;
import java.util.List;

/**
 * One atomic change to a store: records to insert and records to replace (matched by hash).
 * A store applies all of it or none of it.
 *
 * @param inserts new records; a prefix or hash already present fails the whole change
 * @param updates new versions of existing records; a record the store no longer holds is skipped
 */
public record TokenChange(List<TokenRecord> inserts, List<TokenRecord> updates) {
    /**
     * Copies both lists, so the change cannot be altered after it is made.
     *
     * @param inserts new records
     * @param updates new versions of existing records
     */
    public TokenChange {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
    }

    /**
     * Insert one new record.
     *
     * @param record the record to insert
     * @return the change
     */
    public static TokenChange insert(TokenRecord record) {
        return new TokenChange(List.of(record), List.of());
    }

    /**
     * Replace existing records, matched by hash.
     *
     * @param records the new versions
     * @return the change
     */
    public static TokenChange update(List<TokenRecord> records) {
        return new TokenChange(List.of(), records);
    }

    /**
     * Insert a successor and retire its predecessor, as one change.
     *
     * @param successor the new token's record
     * @param retired the old token's record, with its revocation or expiry set
     * @return the change
     */
    public static TokenChange rotate(TokenRecord successor, TokenRecord retired) {
        return new TokenChange(List.of(successor), List.of(retired));
    }
}
