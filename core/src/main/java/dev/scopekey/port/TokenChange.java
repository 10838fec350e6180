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
    public TokenChange {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
    }

    public static TokenChange insert(TokenRecord record) {
        return new TokenChange(List.of(record), List.of());
    }

    public static TokenChange update(List<TokenRecord> records) {
        return new TokenChange(List.of(), records);
    }

    /** Insert a successor and retire its predecessor, as one change. */
    public static TokenChange rotate(TokenRecord successor, TokenRecord retired) {
        return new TokenChange(List.of(successor), List.of(retired));
    }
}
