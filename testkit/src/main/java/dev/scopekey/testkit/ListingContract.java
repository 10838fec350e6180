package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.TokenPage;
import dev.scopekey.service.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@code list}: order, keyset paging, limit, subject and liveness filters,
 * and pages that end inside a group of records sharing a display prefix, for the store and for the
 * service calls that page through it (list, revoke a subject's tokens).
 */
abstract class ListingContract extends ChangeContract {
    private static final int MANY = 1200;

    @Test
    void list_ofEmptyStore_isEmpty() {
        assertEquals(List.of(), store().list(TokenQuery.all()));
        assertEquals(List.of(), store().list(TokenQuery.all().withSubject("nobody").liveAt(samples().instant())));
    }

    @Test
    void list_ordersByPrefix_inCodeUnitOrder_caseAndPunctuationIncluded() {
        List<TokenRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(samples().fresh());
        }
        for (String token : List.of("Zeta-token-0000", "zeta-token-0000", "ZETA-token-0000", "_under-token-00",
                "~tilde-token-00", "0digit-token-00", "#hash:token-000", "A,comma-token-0", "a.dot.token.000")) {
            PlainToken plain = PlainToken.of(token);
            records.add(TokenRecord.builder(plain.prefix(), plain.hash(), ScopeSet.parseList("a")).build());
        }
        insertInBatches(records, 10);
        records.sort(LISTING_ORDER);
        assertEquals(records, store().list(TokenQuery.all()));
    }

    @Test
    void list_after_startsStrictlyAfterTheCursor_whetherOrNotItIsStored() {
        List<TokenRecord> records = sorted(samples().fresh(30));
        insertEach(records);
        TokenRecord cursor = records.get(11);
        assertEquals(records.subList(12, 30), store().list(TokenQuery.all().after(cursor.prefix())));
        String between = cursor.prefix() + "!";
        assertEquals(records.subList(12, 30), store().list(TokenQuery.all().after(between)));
        assertEquals(records, store().list(TokenQuery.all().after("")));
        assertEquals(List.of(), store().list(TokenQuery.all().after(records.get(29).prefix())));
    }

    @Test
    void list_limit_boundsThePage_andKeepsTheFirstRecords() {
        List<TokenRecord> records = sorted(samples().fresh(25));
        insertInBatches(records, 25);
        for (int limit : new int[] {1, 2, 7, 24, 25, 26}) {
            List<TokenRecord> expected = records.subList(0, Math.min(limit, records.size()));
            assertEquals(expected, store().list(TokenQuery.all().withLimit(limit)), "limit " + limit);
        }
    }

    @Test
    void list_bySubject_returnsOnlyThatSubjectsRecords_comparedExactly() {
        List<TokenRecord> alice = new ArrayList<>();
        List<TokenRecord> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TokenRecord mine = samples().freshOf("alice");
            alice.add(mine);
            all.add(mine);
            all.add(samples().freshOf("Alice"));
            all.add(samples().freshOf("alice "));
            all.add(samples().freshOf("alic"));
            all.add(samples().fresh());
        }
        insertInBatches(all, 7);
        assertEquals(sorted(alice), listAll(store(), TokenQuery.all().withSubject("alice").withLimit(3)));
    }

    @Test
    void list_liveAt_excludesRevokedAndExpired_atTheBoundaryToo() {
        Instant now = samples().instant();
        Duration tick = timestampPrecision();
        TokenRecord plain = samples().fresh();
        TokenRecord graceRevocation = samples().fresh().withRevoked(now.plus(tick), "cli");
        TokenRecord laterExpiry = withExpiry(samples().fresh(), now.plus(tick));
        TokenRecord revokedNow = samples().fresh().withRevoked(now, "cli");
        TokenRecord revokedBefore = samples().fresh().withRevoked(now.minus(tick), "cli");
        TokenRecord expiredNow = withExpiry(samples().fresh(), now);
        TokenRecord expiredBefore = withExpiry(samples().fresh(), now.minusSeconds(86_400));
        List<TokenRecord> live = List.of(plain, graceRevocation, laterExpiry);
        List<TokenRecord> all = new ArrayList<>(live);
        all.addAll(List.of(revokedNow, revokedBefore, expiredNow, expiredBefore));
        insertEach(all);
        assertEquals(sorted(live), store().list(TokenQuery.all().liveAt(now)));
        assertEquals(sorted(all), store().list(TokenQuery.all()));
    }

    @Test
    void list_filtersAndCursor_combine_acrossSmallPages() {
        Instant now = samples().instant();
        List<TokenRecord> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TokenRecord record = samples().freshOf(i % 3 == 0 ? "bob" : "carol");
            if (i % 4 == 0) {
                record = record.withRevoked(now.minusSeconds(1), "cli");
            } else if (i % 5 == 0) {
                record = withExpiry(record, now.minusSeconds(1));
            } else if (i % 7 == 0) {
                record = record.withRevoked(now.plusSeconds(60), "cli");
            }
            all.add(record);
        }
        insertInBatches(all, 13);
        Predicate<TokenRecord> wanted = r -> "carol".equals(r.subject()) && r.isLiveAt(now);
        List<TokenRecord> expected = sorted(all.stream().filter(wanted).collect(Collectors.toList()));
        TokenQuery query = TokenQuery.all().withSubject("carol").liveAt(now).withLimit(4);
        assertEquals(expected, listAll(store(), query));
        String cursor = expected.get(5).prefix();
        assertEquals(expected.subList(6, 10), store().list(query.after(cursor)));
    }

    @Test
    void list_ofManyRecords_pagesFully_withoutDuplicatesOrGaps() {
        List<TokenRecord> records = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            records.add(i % 10 == 0 ? samples().mixed() : samples().fresh());
        }
        insertInBatches(records, 100);
        List<TokenRecord> expected = sorted(records);
        for (int pageSize : new int[] {TokenQuery.MAX_LIMIT, 37, 1000 / 3}) {
            List<TokenRecord> listed = listAll(store(), TokenQuery.all().withLimit(pageSize));
            Set<String> hashes = new HashSet<>();
            listed.forEach(r -> hashes.add(r.hash()));
            assertEquals(listed.size(), hashes.size(), "no record is listed twice at page size " + pageSize);
            assertEquals(expected, listed, "every record is listed once, in order, at page size " + pageSize);
        }
        assertEquals(TokenQuery.MAX_LIMIT, store().list(TokenQuery.all()).size());
    }

    @Test
    void list_showsUpdatesAtOnce() {
        List<TokenRecord> records = sorted(samples().fresh(5));
        insertEach(records);
        Instant now = samples().instant();
        TokenRecord revoked = records.get(2).withRevoked(now, "cli");
        store().apply(TokenChange.update(List.of(revoked)));
        List<TokenRecord> live = new ArrayList<>(records);
        live.remove(2);
        assertEquals(live, store().list(TokenQuery.all().liveAt(now)));
    }

    @Test
    void list_limitInsideAPrefixGroup_endsThePageInHashOrder_andFindByPrefixHoldsTheWholeGroup() throws Exception {
        List<TokenRecord> group = new ArrayList<>();
        for (PlainToken token : samples().legacyTokensSharing("grouped!", 4)) {
            group.add(samples().freshOf(token, null));
        }
        List<TokenRecord> all = new ArrayList<>(group);
        all.addAll(samples().fresh(6));
        all.add(samples().freshOf(PlainToken.of("groupec~-alone-legacy-token"), null));
        all.add(samples().freshOf(PlainToken.of("grouped#-alone-legacy-token"), null));
        TokenStore holding = storeHolding(all);
        List<TokenRecord> expected = sorted(all);
        for (int limit = 1; limit <= all.size(); limit++) {
            assertEquals(expected.subList(0, limit), holding.list(TokenQuery.all().withLimit(limit)), "limit " + limit);
        }
        assertEquals(sorted(group), sorted(holding.findByPrefix("grouped!")), "findByPrefix finds the whole group");
        List<TokenRecord> afterGroup = expected.stream().filter(r -> r.prefix().compareTo("grouped!") > 0)
                .collect(Collectors.toList());
        assertEquals(afterGroup, holding.list(TokenQuery.all().after("grouped!")), "after a prefix skips its group");
    }

    @Test
    void service_list_pageLimitInsideAPrefixGroup_listsEveryRecordOnce() throws Exception {
        MutableClock clock = MutableClock.start();
        List<TokenRecord> all = new ArrayList<>();
        for (PlainToken token : samples().legacyTokensSharing("~shared~", 5)) {
            all.add(samples().freshOf(token, "carol"));
        }
        for (int i = 0; i < 7; i++) {
            all.add(samples().freshOf("carol"));
        }
        TokenService service = service(storeHolding(all), clock);
        for (int limit = 1; limit <= all.size(); limit++) {
            List<TokenRecord> listed = new ArrayList<>();
            TokenQuery query = TokenQuery.all().withSubject("carol").withLimit(limit);
            while (query != null) {
                TokenPage page = service.list(Caller.operator(ActorLabel.CLI), query).value();
                listed.addAll(page.records());
                query = page.nextAfter() == null ? null : query.after(page.nextAfter());
            }
            assertEquals(sorted(all), listed, "every record once, in order, at page size " + limit);
        }
    }

    @Test
    void service_revokeSubject_ofMoreThanAPage_whereAPrefixGroupStraddlesThePage_revokesEveryToken()
            throws Exception {
        MutableClock clock = MutableClock.start();
        List<TokenRecord> all = new ArrayList<>();
        for (int i = 0; i < TokenQuery.MAX_LIMIT - 1; i++) {
            all.add(samples().freshOf(samples().mintedToken(), "dave"));
        }
        for (PlainToken token : samples().legacyTokensSharing("~~last~~", 2)) {
            all.add(samples().freshOf(token, "dave"));
        }
        all.add(samples().freshOf("erin"));
        TokenStore holding = storeHolding(all);
        TokenService service = service(holding, clock);

        assertEquals(TokenQuery.MAX_LIMIT + 1, service.revokeSubject(Caller.operator(ActorLabel.CLI), "dave").value());

        assertEquals(List.of(), holding.list(TokenQuery.all().withSubject("dave").liveAt(clock.instant())),
                "no token of the subject is left live");
        assertEquals(1, holding.list(TokenQuery.all().liveAt(clock.instant())).size(), "another subject's token is");
    }

    private static List<TokenRecord> sorted(List<TokenRecord> records) {
        List<TokenRecord> copy = new ArrayList<>(records);
        copy.sort(LISTING_ORDER);
        return copy;
    }

    private static TokenRecord withExpiry(TokenRecord r, Instant expiresAt) {
        return r.toBuilder().expiresAt(expiresAt).build();
    }
}
