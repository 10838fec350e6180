package dev.scopekey.store.jdbc;

import dev.scopekey.service.ClientRequest;
import dev.scopekey.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The JDBC store's behaviour, one test body run against every dialect: each subclass names a
 * database, gets a fresh schema of its own for the class and an empty table for each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJdbcTokenStoreTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    static final Duration TTL = Duration.ofSeconds(JdbcTokenStoreBuilder.DEFAULT_CACHE_TTL_SECONDS);
    static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    TestDatabase db;
    /** Why this class's database is missing (reported on every test as skipped), or null. */
    private String unavailable;
    final TestClock clock = new TestClock(T0);
    private final List<AutoCloseable> closeAfterTest = new CopyOnWriteArrayList<>();

    /** The dialect under test. */
    abstract Dialect dialect();

    /** A URL of this dialect's driver for a loopback port nothing listens on. */
    abstract String unreachableUrl(int port);

    @BeforeAll
    void openDatabase() {
        try {
            db = TestDatabase.of(dialect());
        } catch (TestAbortedException missing) {
            unavailable = missing.getMessage();
            return;
        }
        JdbcMigrations.apply(db.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyTable() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
        db.clear();
    }

    @AfterEach
    void closeStoresAndServices() throws Exception {
        for (AutoCloseable closeable : closeAfterTest) {
            closeable.close();
        }
        closeAfterTest.clear();
    }

    // --- schema and migrations --------------------------------------------------------------

    @Test
    void migrate_onACurrentSchema_appliesNothing_andHistoryHoldsV1AndV2() throws SQLException {
        assertEquals(List.of(), store().migrate());
        assertEquals(List.of(1, 2), queryInts(db.dataSource(), "SELECT version FROM scopekey_schema_history ORDER BY version"));
    }

    @Test
    void migrate_fromFourInstancesAtOnce_appliesV1ExactlyOnce() throws Exception {
        try (TestDatabase fresh = TestDatabase.of(dialect())) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return JdbcMigrations.apply(fresh.dataSource());
                    }));
                }
                start.countDown();
                List<String> applied = new ArrayList<>();
                for (Future<List<String>> run : runs) {
                    applied.addAll(run.get(60, TimeUnit.SECONDS));
                }
                assertEquals(List.of("V1__tokens", "V2__token_restrictions"), applied);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(1, 2), queryInts(fresh.dataSource(),
                    "SELECT version FROM scopekey_schema_history ORDER BY version"));
            JdbcTokenStore store = track(JdbcTokenStore.builder(fresh.dataSource()).listenForChanges(false).build());
            store.apply(TokenChange.insert(record("sk_fresh", "fresh")));
            assertEquals(1, store.findByPrefix("sk_fresh").size());
        }
    }

    /**
     * A database at schema V1 with tokens in it (as 0.1.0 left it) is upgraded in place by V2: the
     * old rows read as unrestricted records and still authorize, and the new columns then work.
     */
    @Test
    void migrate_upgradesAV1DatabaseWithTokens_whichStillAuthorize() throws Exception {
        try (TestDatabase v1 = TestDatabase.of(dialect())) {
            String script = JdbcMigrations.script(dialect(), "V1__tokens");
            for (String sql : SqlScript.statements(script)) {
                v1.execute(sql);
            }
            v1.execute("CREATE TABLE " + JdbcMigrations.HISTORY_TABLE + " (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL, installed_at "
                    + dialect().timestampType() + " NOT NULL)");
            v1.execute("INSERT INTO " + JdbcMigrations.HISTORY_TABLE + " VALUES (1, 'tokens', "
                    + JdbcMigrations.checksum(script) + ", " + dialect().utcNow() + ")");
            PlainToken live = TokenFormat.standard().generate(new SecureRandom());
            PlainToken revoked = TokenFormat.standard().generate(new SecureRandom());
            v1.execute("INSERT INTO scopekey_tokens (hash, prefix, scopes, name, subject, source) VALUES ('"
                    + live.hash() + "', '" + live.prefix() + "', 'kafka:read,reports:*', 'old ci', 'team-a', 'STORE')");
            v1.execute("INSERT INTO scopekey_tokens (hash, prefix, scopes, revoked_by, revoked_at, source) VALUES ('"
                    + revoked.hash() + "', '" + revoked.prefix() + "', 'kafka:read', 'cli', "
                    + dialect().utcNow() + ", 'STORE')");

            assertEquals(List.of("V2__token_restrictions"), JdbcMigrations.apply(v1.dataSource()));
            assertEquals(List.of(), JdbcMigrations.apply(v1.dataSource()));

            JdbcTokenStore store = store(v1.dataSource(), b -> { });
            TokenRecord old = store.findByHash(live.hash()).orElseThrow();
            assertEquals("old ci", old.name());
            assertEquals("team-a", old.subject());
            assertFalse(old.isRestricted());
            clock.set(Instant.now().plus(Duration.ofDays(1))); // after the revocation the database timed
            TokenService service = service(store);
            AuthDecision decision = service.authenticate(live.reveal(), ClientRequest.from("127.0.0.1"));
            assertTrue(decision.isGranted(), decision.toString());
            assertEquals(DenialReason.REVOKED, ((AuthDecision.Denied) service.authenticate(revoked.reveal(),
                    ClientRequest.from("127.0.0.1"))).reason());

            store.update(live.hash(), TokenUpdate.none().disabled(true)
                    .allowedAddresses(AddressList.parse("10.0.0.0/8,::1")).rateLimit(RequestRate.parse("5/minute")));
            TokenRecord restricted = store(v1.dataSource(), b -> { }).findByHash(live.hash()).orElseThrow();
            assertTrue(restricted.disabled());
            assertEquals(AddressList.parse("10.0.0.0/8,::1"), restricted.allowedAddresses());
            assertEquals(RequestRate.parse("5/minute"), restricted.rateLimit());
            assertEquals(old.name(), restricted.name());
        } finally {
            clock.set(T0);
        }
    }

    @Test
    void update_changesOnlyTheEditableColumns_andKeepsARevocationMadeMeanwhile() {
        JdbcTokenStore store = store();
        TokenRecord record = record("sk_editable", "editable");
        store.apply(TokenChange.insert(record));
        JdbcTokenStore other = store(db.dataSource(), b -> { });
        other.apply(TokenChange.update(List.of(record.withRevoked(T0, "cli"))));

        TokenRecord updated = store.update(record.hash(), TokenUpdate.none().name("renamed")).orElseThrow();

        assertEquals("renamed", updated.name());
        assertEquals(T0, updated.revokedAt(), "the revocation is read under the row lock, not from the cache");
        assertEquals(updated, uncachedStore().findByHash(record.hash()).orElseThrow());
        assertEquals(Optional.empty(), store.update(TokenHash.hexOf("nobody"), TokenUpdate.none().name("x")));
    }

    // --- records ----------------------------------------------------------------------------

    @Test
    void insert_thenFind_roundTripsEveryField() {
        TokenRecord full = TokenRecord.builder("sk_Full0Prefix", TokenHash.hexOf("full"),
                        ScopeSet.parseList("kafka:endpoint:read,workspaces:w42:*"))
                .name("ci reader ü")
                .subject("team-ä")
                .createdAt(T0)
                .createdBy(ActorLabel.CLI)
                .expiresAt(T0.plus(Duration.ofDays(30)))
                .lastUsedAt(T0.plusSeconds(5))
                .revokedAt(T0.plusSeconds(60))
                .revokedBy("token:sk_admin")
                .build();
        TokenRecord bare = TokenRecord.builder("leg", TokenHash.hexOf("legacy-token"), ScopeSet.empty())
                .source(TokenSource.CONFIG)
                .build();
        store().apply(new TokenChange(List.of(full, bare), List.of()));

        JdbcTokenStore fresh = uncachedStore();
        assertEquals(Optional.of(full), fresh.findByHash(full.hash()));
        assertEquals(List.of(full), fresh.findByPrefix("sk_Full0Prefix"));
        assertEquals(Optional.of(bare), fresh.findByHash(bare.hash()));
    }

    @Test
    void instants_areKeptToTheMicrosecond_truncatedTowardThePast() {
        Instant nanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
        TokenRecord written = record("sk_precise", "precise", nanos, nanos.plusNanos(999), nanos.minusNanos(1));
        store().apply(TokenChange.insert(written));

        TokenRecord read = uncachedStore().findByHash(written.hash()).orElseThrow();
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), read.createdAt());
        assertEquals(Instant.parse("2026-03-01T10:00:00.123457Z"), read.expiresAt());
        assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), read.revokedAt());
        assertEquals(TokenRows.stored(written), read);
        assertEquals(read, TokenRows.stored(read));
    }

    @Test
    void instants_fromYear1000ToYear9999_roundTripEqual() {
        Instant first = Instant.parse("1000-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");
        TokenRecord written = record("sk_range", "range", first, last, null);
        store().apply(TokenChange.insert(written));

        assertEquals(Optional.of(written), uncachedStore().findByHash(written.hash()));
    }

    @Test
    void liveAt_betweenMicroseconds_agreesWithTheRecordsOwnRule() {
        Instant revokedAt = T0.plusSeconds(10);
        TokenRecord written = record("sk_edge", "edge", T0, null, revokedAt);
        store().apply(TokenChange.insert(written));

        for (Instant now : List.of(revokedAt.minusNanos(1), revokedAt, revokedAt.plusNanos(500))) {
            boolean listed = !store().list(TokenQuery.all().liveAt(now)).isEmpty();
            assertEquals(written.isLiveAt(now), listed, "live at " + now);
        }
    }

    @Test
    void prefixesDifferingOnlyInCase_areTwoTokens() {
        TokenRecord upper = record("sk_AbCdEfGhIjKl", "upper");
        TokenRecord lower = record("sk_abcdefghijkl", "lower");
        JdbcTokenStore store = store();
        store.apply(TokenChange.insert(upper));
        store.apply(TokenChange.insert(lower));

        assertEquals(List.of(upper), store.findByPrefix("sk_AbCdEfGhIjKl"));
        assertEquals(List.of(lower), store.findByPrefix("sk_abcdefghijkl"));
        assertEquals(List.of(), store.findByPrefix("sk_ABCDEFGHIJKL"));
        assertEquals(List.of(upper, lower), store.list(TokenQuery.all()));
    }

    @Test
    void prefixesDifferingOnlyInATrailingSpace_areTwoTokens_matchedExactly() {
        TokenRecord bare = record("sk_pad", "bare");
        TokenRecord padded = record("sk_pad ", "padded");
        JdbcTokenStore store = store();
        store.apply(new TokenChange(List.of(bare, padded), List.of()));

        assertEquals(List.of(bare), store.findByPrefix("sk_pad"));
        assertEquals(List.of(padded), store.findByPrefix("sk_pad "));
        assertEquals(List.of(), store.findByPrefix("sk_pad  "));
        assertEquals(Optional.empty(), store.findByHash(bare.hash() + " "));
    }

    @Test
    void subjectFilter_matchesExactly_caseAndTrailingSpacesIncluded() {
        JdbcTokenStore store = store();
        TokenRecord team = withSubject(record("sk_team1", "team1"), "Team");
        TokenRecord other = withSubject(record("sk_team2", "team2"), "team");
        TokenRecord padded = withSubject(record("sk_team3", "team3"), "team ");
        store.apply(new TokenChange(List.of(team, other, padded), List.of()));

        assertEquals(List.of(team), store.list(TokenQuery.all().withSubject("Team")));
        assertEquals(List.of(other), store.list(TokenQuery.all().withSubject("team")));
        assertEquals(List.of(padded), store.list(TokenQuery.all().withSubject("team ")));
    }

    @Test
    void update_replacesEveryFieldButHashAndPrefix_lastUseIncluded() {
        JdbcTokenStore store = store();
        TokenRecord used = record("sk_used", "used").withLastUsedAt(T0.plusSeconds(30));
        store.apply(TokenChange.insert(used));
        TokenRecord replaced = TokenRecord.builder("sk_used", used.hash(), ScopeSet.parseList("other:scope"))
                .name("renamed")
                .subject("team-z")
                .expiresAt(T0.plusSeconds(99))
                .revokedAt(T0.plusSeconds(3))
                .revokedBy("config")
                .source(TokenSource.CONFIG)
                .build();

        store.apply(TokenChange.update(List.of(replaced)));

        assertEquals(Optional.of(replaced), uncachedStore().findByHash(used.hash()));
    }

    @Test
    void insert_ofATakenPrefix_throwsDuplicate_andWritesNothingOfTheChange() {
        JdbcTokenStore store = store();
        store.apply(TokenChange.insert(record("sk_taken", "first")));
        TokenRecord innocent = record("sk_innocent", "innocent");

        assertThrows(DuplicateTokenException.class, () -> store.apply(
                new TokenChange(List.of(innocent, record("sk_taken", "second")), List.of())));

        assertEquals(List.of(), uncachedStore().findByPrefix("sk_innocent"));
        assertEquals(TokenHash.hexOf("first"), uncachedStore().findByPrefix("sk_taken").get(0).hash());
    }

    @Test
    void insert_ofATakenHash_throwsDuplicate() {
        JdbcTokenStore store = store();
        store.apply(TokenChange.insert(record("sk_one", "same")));

        assertThrows(DuplicateTokenException.class, () -> store.apply(TokenChange.insert(record("sk_two", "same"))));
        assertEquals(List.of(), store.findByPrefix("sk_two"));
    }

    @Test
    void change_failingInItsLastStatement_leavesNoInsertAndNoRevocation() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        JdbcTokenStore store = store(counting.dataSource(), b -> { });
        TokenRecord live = record("sk_live", "live");
        store.apply(TokenChange.insert(live));
        counting.failExecutionsOf(sql -> sql.startsWith("UPDATE scopekey_tokens SET scopes"));

        TokenRecord successor = record("sk_successor", "successor");
        assertThrows(TokenStoreException.class, () -> store.apply(
                TokenChange.rotate(successor, live.withRevoked(T0, ActorLabel.CLI))));

        JdbcTokenStore fresh = uncachedStore();
        assertEquals(Optional.empty(), fresh.findByHash(successor.hash()));
        TokenRecord after = fresh.findByHash(live.hash()).orElseThrow();
        assertNull(after.revokedAt());
        assertNull(after.revokedBy());
        assertEquals(Optional.of(live), store.findByHash(live.hash()));
    }

    @Test
    void update_ofAnAbsentHash_isSkipped() {
        JdbcTokenStore store = store();
        TokenRecord ghost = record("sk_ghost", "ghost");

        store.apply(TokenChange.update(List.of(ghost.withRevoked(T0, ActorLabel.CLI))));

        assertEquals(Optional.empty(), store.findByHash(ghost.hash()));
    }

    @Test
    void revoke_writesTheFlagWithItsAuditFields_andIsIdempotent() {
        JdbcTokenStore store = store();
        TokenService service = service(store);
        String prefix = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().record().prefix();
        clock.advance(Duration.ofSeconds(1));

        assertTrue(service.revoke(OPERATOR, prefix).isDone());
        TokenRecord revoked = uncachedStore().findByPrefix(prefix).get(0);
        assertEquals(clock.instant(), revoked.revokedAt());
        assertEquals(ActorLabel.CLI, revoked.revokedBy());

        clock.advance(Duration.ofSeconds(1));
        Outcome<TokenRecord> again = service.revoke(OPERATOR, prefix);
        assertEquals(Refusal.Kind.NOT_FOUND, again.refusal().kind());
        store.apply(TokenChange.update(List.of(revoked)));
        assertEquals(List.of(revoked), uncachedStore().findByPrefix(prefix));
    }

    @Test
    void fieldTooLongForTheSchema_isRefusedWithoutWriting() {
        TokenRecord tooLong = withSubject(record("sk_long", "long"), "s".repeat(TokenRows.MAX_TEXT + 1));

        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> store().apply(TokenChange.insert(tooLong)));
        assertTrue(e.getMessage().contains("subject"), e.getMessage());
        assertEquals(List.of(), store().findByPrefix("sk_long"));
    }

    // --- listing ----------------------------------------------------------------------------

    @Test
    void list_pagesByKeyset_inJavaStringOrderOfPrefixes() {
        List<String> prefixes = new ArrayList<>(List.of("sk_0", "sk_A", "sk_B", "sk__", "sk_a", "sk_b", "Zz", "aa"));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 15; i++) {
            prefixes.add(TokenFormat.standard().generate(random).prefix());
        }
        List<TokenRecord> records = new ArrayList<>();
        for (String prefix : prefixes) {
            records.add(record(prefix, "page-" + prefix));
        }
        JdbcTokenStore store = store();
        store.apply(new TokenChange(records, List.of()));

        List<String> paged = new ArrayList<>();
        TokenQuery query = TokenQuery.all().withLimit(4);
        List<TokenRecord> page;
        do {
            page = store.list(query);
            assertTrue(page.size() <= 4);
            page.forEach(r -> paged.add(r.prefix()));
            query = page.isEmpty() ? query : query.after(page.get(page.size() - 1).prefix());
        } while (page.size() == 4);

        Collections.sort(prefixes);
        assertEquals(prefixes, paged);
    }

    @Test
    void list_filtersBySubjectAndLiveAt() {
        Instant now = T0.plus(Duration.ofDays(1));
        TokenRecord live = withSubject(record("sk_live", "live"), "team-a");
        TokenRecord revoked = withSubject(record("sk_revoked", "revoked", T0, null, T0.plusSeconds(1)), "team-a");
        TokenRecord graced = withSubject(record("sk_graced", "graced", T0, null, now.plusSeconds(60)), "team-a");
        TokenRecord expired = withSubject(record("sk_expired", "expired", T0, now, null), "team-a");
        TokenRecord expiring = withSubject(record("sk_expiring", "expiring", T0, now.plusSeconds(1), null), "team-a");
        TokenRecord otherTeam = withSubject(record("sk_other", "other"), "team-b");
        JdbcTokenStore store = store();
        store.apply(new TokenChange(List.of(live, revoked, graced, expired, expiring, otherTeam), List.of()));

        assertEquals(prefixes(List.of(expiring, graced, live)),
                prefixes(store.list(TokenQuery.all().withSubject("team-a").liveAt(now))));
        assertEquals(prefixes(List.of(expired, expiring, graced, live, revoked)),
                prefixes(store.list(TokenQuery.all().withSubject("team-a"))));
        assertEquals(prefixes(List.of(expiring, graced, live, otherTeam)),
                prefixes(store.list(TokenQuery.all().liveAt(now))));
    }

    @Test
    void rotation_andRevokeSubject_throughTheService() {
        JdbcTokenStore store = store();
        TokenService service = service(store);
        String old = service.mint(OPERATOR, MintRequest.of("kafka:read").forSubject("team-a")).value().record().prefix();
        service.mint(OPERATOR, MintRequest.of("kafka:read").forSubject("team-a"));
        service.mint(OPERATOR, MintRequest.of("kafka:read").forSubject("team-b"));

        TokenRecord successor = service.rotate(OPERATOR, old, Duration.ofMinutes(5)).value().record();
        assertEquals(3, store.list(TokenQuery.all().withSubject("team-a").liveAt(clock.instant())).size());
        clock.advance(Duration.ofMinutes(5));
        List<TokenRecord> live = store.list(TokenQuery.all().withSubject("team-a").liveAt(clock.instant()));
        assertEquals(2, live.size());
        assertTrue(live.stream().anyMatch(r -> r.hash().equals(successor.hash())));

        assertEquals(2, service.revokeSubject(OPERATOR, "team-a").value());
        assertEquals(List.of(), store.list(TokenQuery.all().withSubject("team-a").liveAt(clock.instant())));
        assertEquals(1, store.list(TokenQuery.all().withSubject("team-b").liveAt(clock.instant())).size());
    }

    // --- last use ---------------------------------------------------------------------------

    @Test
    void recordUse_writesOneBatchedStatementPerToken_andNeverGoesBackwards() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        JdbcTokenStore store = store(counting.dataSource(), b -> { });
        TokenRecord first = record("sk_first", "first");
        TokenRecord second = record("sk_second", "second");
        store.apply(new TokenChange(List.of(first, second), List.of()));
        store.findByHash(first.hash());

        store.recordUse(Map.of(first.hash(), T0.plusSeconds(20), second.hash(), T0.plusSeconds(10),
                TokenHash.hexOf("unknown"), T0));
        assertEquals(3, counting.executions(sql -> sql.equals(TokenRows.RECORD_USE)));
        store.recordUse(Map.of(first.hash(), T0.plusSeconds(5)));

        JdbcTokenStore fresh = uncachedStore();
        assertEquals(T0.plusSeconds(20), fresh.findByHash(first.hash()).orElseThrow().lastUsedAt());
        assertEquals(T0.plusSeconds(10), fresh.findByHash(second.hash()).orElseThrow().lastUsedAt());
        assertEquals(T0.plusSeconds(20), store.findByHash(first.hash()).orElseThrow().lastUsedAt());
    }

    @Test
    void manyVerificationsOfKTokensInOneInterval_costAtMostKLookupsAndKLastUseUpdates() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        JdbcTokenStore store = store(counting.dataSource(), b -> { });
        TokenService service = TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
                .lastUsedFlushInterval(Duration.ofHours(1)).build();
        int k = 4;
        int n = 25;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tokens.add(service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal());
        }
        counting.reset();

        for (int round = 0; round < n; round++) {
            for (String token : tokens) {
                assertInstanceOf(AuthDecision.Granted.class, service.authenticate(token, ClientRequest.NONE));
            }
        }
        assertEquals(0, counting.executions(sql -> sql.equals(TokenRows.RECORD_USE)));
        service.close();

        int updates = counting.executions(sql -> sql.equals(TokenRows.RECORD_USE));
        assertTrue(updates <= k, updates + " last-use updates for " + k + " tokens");
        assertTrue(counting.executions(sql -> sql.equals(TokenRows.FIND_BY_HASH)) <= k);
        for (TokenRecord record : uncachedStore().list(TokenQuery.all())) {
            assertEquals(clock.instant(), record.lastUsedAt(), record.prefix());
        }
    }

    @Test
    void lastUseFlush_andAChangeOfTheSameRows_inOppositeOrders_neverDeadlock() throws Exception {
        JdbcTokenStore store = store();
        List<TokenRecord> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(record("sk_lock" + i, "lock" + i));
        }
        store.apply(new TokenChange(rows, List.of()));
        List<TokenRecord> ascending = rows.stream()
                .sorted(java.util.Comparator.comparing(TokenRecord::hash)).collect(Collectors.toList());
        List<TokenRecord> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> changes = pool.submit(() -> {
                start.await();
                for (int round = 0; round < 150; round++) {
                    store.apply(TokenChange.update(ascending));
                }
                return null;
            });
            Future<?> flushes = pool.submit(() -> {
                start.await();
                for (int round = 0; round < 150; round++) {
                    Map<String, Instant> uses = new java.util.LinkedHashMap<>();
                    for (TokenRecord row : descending) {
                        uses.put(row.hash(), T0.plusSeconds(round + 1));
                    }
                    store.recordUse(uses);
                }
                return null;
            });
            start.countDown();
            changes.get(120, TimeUnit.SECONDS);
            flushes.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- cache and many instances -----------------------------------------------------------

    @Test
    void ownChanges_areVisibleAtOnce_throughTheCache() {
        JdbcTokenStore store = store();
        TokenRecord record = record("sk_cached", "cached");
        assertEquals(Optional.empty(), store.findByHash(record.hash()));

        store.apply(TokenChange.insert(record));
        assertEquals(Optional.of(record), store.findByHash(record.hash()));

        TokenRecord revoked = record.withRevoked(T0, ActorLabel.CLI);
        store.apply(TokenChange.update(List.of(revoked)));
        assertEquals(Optional.of(revoked), store.findByHash(record.hash()));
    }

    @Test
    void revokeOnInstanceA_isDeniedOnAAtOnce_andOnInstanceBWithinTheTtl() {
        TokenService a = service(store());
        TokenService b = service(store());
        String token = a.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();
        assertInstanceOf(AuthDecision.Granted.class, a.authenticate(token, ClientRequest.NONE));
        assertInstanceOf(AuthDecision.Granted.class, b.authenticate(token, ClientRequest.NONE));

        assertTrue(a.revoke(OPERATOR, PlainToken.of(token).prefix()).isDone());

        assertEquals(DenialReason.REVOKED, denial(a.authenticate(token, ClientRequest.NONE)));
        assertInstanceOf(AuthDecision.Granted.class, b.authenticate(token, ClientRequest.NONE), "served from B's cache within the TTL");
        clock.advance(TTL);
        assertEquals(DenialReason.REVOKED, denial(b.authenticate(token, ClientRequest.NONE)));
    }

    @Test
    void outage_servesCachedAnswersOnlyWithinTheTtl_thenIsUnavailable() {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        TokenService a = service(store());
        TokenService b = service(store(counting.dataSource(), builder -> { }));
        String token = a.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();
        assertInstanceOf(AuthDecision.Granted.class, b.authenticate(token, ClientRequest.NONE));
        assertTrue(a.revoke(OPERATOR, PlainToken.of(token).prefix()).isDone());

        counting.refuseConnections(true);
        assertInstanceOf(AuthDecision.Granted.class, b.authenticate(token, ClientRequest.NONE), "cached within the TTL");
        assertInstanceOf(AuthDecision.Unavailable.class, b.authenticate(randomMintedShape(), ClientRequest.NONE));
        clock.advance(TTL);
        assertInstanceOf(AuthDecision.Unavailable.class, b.authenticate(token, ClientRequest.NONE));

        counting.refuseConnections(false);
        assertEquals(DenialReason.REVOKED, denial(b.authenticate(token, ClientRequest.NONE)));
    }

    @Test
    void listenerThread_runsOnlyOnPostgres_andStopsOnClose() {
        JdbcTokenStore store = store(db.dataSource(), b -> b.listenForChanges(true));
        assertEquals(Optional.empty(), store.findByHash(TokenHash.hexOf("connect")));
        if (dialect() == Dialect.POSTGRESQL) {
            assertTrue(within(Duration.ofSeconds(10), store::isListening));
            store.close();
            assertFalse(store.isListenerAlive());
        } else {
            assertTrue(within(Duration.ofSeconds(10), () -> !store.isListenerAlive()));
            assertFalse(store.isListening());
        }
    }

    // --- failure ----------------------------------------------------------------------------

    @Test
    void unreachableServer_connectionRefused_isUnavailable_neverGranted() throws IOException {
        JdbcTokenStore store = track(JdbcTokenStore.builder(new UrlDataSource(unreachableUrl(freeLoopbackPort())))
                .clock(clock).queryTimeout(Duration.ofSeconds(2)).build());
        TokenService service = service(store);

        assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(randomMintedShape(), ClientRequest.NONE));
        assertThrows(TokenStoreException.class, () -> service.mint(OPERATOR, MintRequest.of("kafka:read")));
        assertThrows(TokenStoreException.class, () -> store.list(TokenQuery.all()));
        assertThrows(TokenStoreException.class, store::migrate);
        assertFalse(store.isListening());
    }

    // --- helpers ----------------------------------------------------------------------------

    JdbcTokenStore store() {
        return store(db.dataSource(), b -> { });
    }

    /** A store on {@code dataSource} with the test clock, not listening unless {@code config} says so. */
    JdbcTokenStore store(DataSource dataSource, Consumer<JdbcTokenStoreBuilder> config) {
        JdbcTokenStoreBuilder builder = JdbcTokenStore.builder(dataSource).clock(clock).listenForChanges(false);
        config.accept(builder);
        return track(builder.build());
    }

    /** A store that reads the database every time. */
    JdbcTokenStore uncachedStore() {
        return store(db.dataSource(), b -> b.cacheTtl(Duration.ZERO));
    }

    TokenService service(JdbcTokenStore store) {
        return track(TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).build());
    }

    <T extends AutoCloseable> T track(T closeable) {
        closeAfterTest.add(0, closeable);
        return closeable;
    }

    static TokenRecord record(String prefix, String seed) {
        return record(prefix, seed, T0, null, null);
    }

    static TokenRecord record(String prefix, String seed, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        return TokenRecord.builder(prefix, TokenHash.hexOf(seed), ScopeSet.parseList("kafka:read"))
                .name("test")
                .createdAt(createdAt)
                .createdBy(ActorLabel.CLI)
                .expiresAt(expiresAt)
                .revokedAt(revokedAt)
                .revokedBy(revokedAt == null ? null : ActorLabel.CLI)
                .build();
    }

    static TokenRecord withSubject(TokenRecord r, String subject) {
        return r.toBuilder().subject(subject).build();
    }

    static List<String> prefixes(List<TokenRecord> records) {
        return records.stream().map(TokenRecord::prefix).collect(Collectors.toList());
    }

    static DenialReason denial(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Denied.class, decision).reason();
    }

    static String randomMintedShape() {
        return TokenFormat.standard().generate(new SecureRandom()).reveal();
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code limit} passes. */
    static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static List<Integer> queryInts(DataSource dataSource, String sql) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }
}
