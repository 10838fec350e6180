package dev.scopekey.service;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a store's listing page by page without ever ending a page inside a group of records
 * that share a display prefix (legacy tokens may): the keyset cursor is a prefix, so the next
 * page starts after the whole group, and a page the store cut inside it is completed first.
 * Listing and revoking a subject's tokens both page through this. Thread-safe.
 */
final class WholeGroupPages {
    private final TokenStore store;

    WholeGroupPages(TokenStore store) {
        this.store = store;
    }

    /**
     * The page {@code query} asks for, plus the rest of its last prefix group (so it may hold more
     * than the limit, in listing order), with the cursor of the next page, or null when this is the last.
     */
    TokenPage page(TokenQuery query) {
        List<TokenRecord> page = new ArrayList<>(store.list(query));
        if (page.size() < query.limit()) {
            return new TokenPage(page, null);
        }
        String last = page.get(page.size() - 1).prefix();
        Set<String> listed = new HashSet<>();
        page.forEach(record -> listed.add(record.hash()));
        List<TokenRecord> rest = new ArrayList<>();
        for (TokenRecord record : store.findByPrefix(last)) {
            if (matches(query, record) && listed.add(record.hash())) {
                rest.add(record);
            }
        }
        rest.sort(Comparator.comparing(TokenRecord::hash));
        page.addAll(rest);
        return new TokenPage(page, last);
    }

    /** Every record {@code query} matches, from its cursor on, page after page. */
    List<TokenRecord> all(TokenQuery query) {
        List<TokenRecord> all = new ArrayList<>();
        TokenQuery next = query;
        while (next != null) {
            TokenPage page = page(next);
            all.addAll(page.records());
            next = page.nextAfter() == null ? null : next.after(page.nextAfter());
        }
        return all;
    }

    private static boolean matches(TokenQuery query, TokenRecord record) {
        return (query.subject() == null || query.subject().equals(record.subject()))
                && (query.liveAt() == null || record.isLiveAt(query.liveAt()));
    }
}
