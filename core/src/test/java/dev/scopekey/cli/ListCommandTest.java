package dev.scopekey.cli;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.testing.FailingStore;
import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListCommandTest {
    private static final List<String> COLUMNS =
            List.of("PREFIX", "SCOPES", "NAME", "SUBJECT", "CREATED", "EXPIRES", "LAST USED", "SOURCE", "STATUS");

    private final CliHarness cli = new CliHarness();

    @Test
    void list_printsAnAlignedTableOfLiveTokens_withoutSecrets() {
        String first = cli.mint("--scope", "kafka:read", "--name", "reader", "--subject", "alice", "--expires", "1d");
        String second = cli.mint("--scope", "a:b,c:d");

        CliHarness.Result result = cli.run("list", STORE);

        assertEquals(0, result.exit(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(3, lines.size(), result::toString);
        String header = lines.get(0);
        for (String column : COLUMNS) {
            assertTrue(header.contains(column), column);
        }
        String row = lines.get(1 + (prefixOf(first).compareTo(prefixOf(second)) < 0 ? 0 : 1));
        assertEquals(header.indexOf("SCOPES"), row.indexOf("kafka:read"), "scopes column aligned\n" + result.out());
        assertEquals(header.indexOf("NAME"), row.indexOf("reader"), "name column aligned\n" + result.out());
        assertEquals(header.indexOf("SUBJECT"), row.indexOf("alice"), "subject column aligned\n" + result.out());
        assertEquals(header.indexOf("EXPIRES"), row.indexOf("2030-01-02T00:00:00Z"), "expiry\n" + result.out());
        assertTrue(row.startsWith(prefixOf(first)));
        assertTrue(row.endsWith("live"));
        for (String token : List.of(first, second)) {
            assertFalse(result.out().contains(token), "no secret in list output");
            assertFalse(result.err().contains(token), "no secret on stderr");
        }
    }

    @Test
    void list_ofAnEmptyStore_printsOnlyTheHeader() {
        CliHarness.Result result = cli.run("list", STORE);

        assertEquals(0, result.exit());
        assertEquals(1, result.outLines().size());
        assertTrue(result.outLines().get(0).startsWith("PREFIX"));
    }

    @Test
    void list_leavesOutRevokedAndExpiredTokens_unlessAll() {
        String revoked = cli.mint("--scope", "a:b");
        String expiring = cli.mint("--scope", "a:b", "--expires", "1h");
        String live = cli.mint("--scope", "a:b");
        assertEquals(0, cli.run("revoke", STORE, prefixOf(revoked)).exit());
        cli.advance(Duration.ofHours(2));

        String liveOnly = cli.run("list", STORE).out();
        CliHarness.Result all = cli.run("list", STORE, "--all");

        assertTrue(liveOnly.contains(prefixOf(live)));
        assertFalse(liveOnly.contains(prefixOf(revoked)));
        assertFalse(liveOnly.contains(prefixOf(expiring)));
        assertEquals(0, all.exit());
        assertTrue(rowOf(all, revoked).endsWith("revoked"), all::toString);
        assertTrue(rowOf(all, expiring).endsWith("expired"), all::toString);
        assertTrue(rowOf(all, live).endsWith("live"), all::toString);
    }

    @Test
    void list_showsATokenInItsRotationGracePeriodAsRetiring() {
        String old = cli.mint("--scope", "a:b");
        assertEquals(0, cli.run("rotate", STORE, prefixOf(old), "--grace", "1h").exit());

        CliHarness.Result result = cli.run("list", STORE);

        assertTrue(rowOf(result, old).endsWith("retiring"), result::toString);
    }

    @Test
    void list_withSubject_showsOnlyThatSubjectsTokens() {
        String alices = cli.mint("--scope", "a:b", "--subject", "alice");
        String bobs = cli.mint("--scope", "a:b", "--subject", "bob");

        String out = cli.run("list", STORE, "--subject", "alice").out();

        assertTrue(out.contains(prefixOf(alices)));
        assertFalse(out.contains(prefixOf(bobs)));
    }

    @Test
    void list_withLimit_pagesByPrefix_andNamesTheNextPageOnStderr() {
        List<String> prefixes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            prefixes.add(prefixOf(cli.mint("--scope", "a:b")));
        }
        prefixes.sort(null);

        CliHarness.Result first = cli.run("list", STORE, "--limit", "2");
        CliHarness.Result second = cli.run("list", STORE, "--limit", "2", "--after", prefixes.get(1));

        assertEquals(3, first.outLines().size(), first::toString);
        assertTrue(first.err().contains("--after " + prefixes.get(1)), first::toString);
        assertEquals(2, second.outLines().size(), second::toString);
        assertTrue(second.outLines().get(1).startsWith(prefixes.get(2)));
        assertEquals("", second.err());
    }

    @Test
    void list_replacesControlCharactersInNames() {
        cli.preload(TokenRecord.legacy(PlainToken.of("operator-written-token-1")).toBuilder()
                .name("evil\u001b[2Jname")
                .build());

        String out = cli.run("list", STORE).out();

        assertFalse(out.contains("\u001b"), "no terminal escape reaches the table");
        assertTrue(out.contains("evil?[2Jname"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--limit=0", "--limit=501", "--limit=many", "extra", "--all=yes"})
    void list_withAMalformedCommandLine_isAUsageError(String arg) {
        CliHarness.Result result = cli.run("list", STORE, arg);

        assertEquals(2, result.exit(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void list_whenTheStoreFails_exitsWith1() {
        cli.store = new FailingStore();

        CliHarness.Result result = cli.run("list", STORE);

        assertEquals(1, result.exit());
        assertEquals("store error: disk full\n", result.err());
    }

    private static String rowOf(CliHarness.Result result, String token) {
        return result.outLines().stream().filter(line -> line.startsWith(prefixOf(token))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the token\n" + result));
    }
}
