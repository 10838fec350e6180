package dev.scopekey.service;

import dev.scopekey.domain.TokenRecord;
import java.util.List;

/**
 * One page of a token listing.
 *
 * @param records the tokens, ordered by prefix
 * @param nextAfter the cursor for the next page, or null when this is the last
 */
public record TokenPage(List<TokenRecord> records, String nextAfter) {
    /**
     * Copies the records.
     *
     * @param records the tokens
     * @param nextAfter the cursor for the next page, or null
     */
    public TokenPage {
        records = List.copyOf(records);
    }
}
