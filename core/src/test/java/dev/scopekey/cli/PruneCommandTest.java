package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneCommandTest {
    private final CliHarness cli = new CliHarness();

    /** A token revoked 40 days ago, one expired 40 days ago, one revoked 10 days ago, one live. */
    private List<String> tokens() {
        String revokedLongAgo = cli.mint("--scope", "a:read");
        String expiredLongAgo = cli.mint("--scope", "a:read", "--expires", "1h");
        String revokedLately = cli.mint("--scope", "a:read");
        String live = cli.mint("--scope", "a:read");
        assertEquals(0, cli.run("revoke", STORE, prefixOf(revokedLongAgo)).exit());
        cli.advance(Duration.ofDays(30));
        assertEquals(0, cli.run("revoke", STORE, prefixOf(revokedLately)).exit());
        cli.advance(Duration.ofDays(10));
        return List.of(revokedLongAgo, expiredLongAgo, revokedLately, live);
    }

    @Test
    void prune_removesWhatEndedLongerAgo_andSaysWhat() {
        List<String> tokens = tokens();

        CliHarness.Result result = cli.run("prune", STORE, "--older-than", "30d");

        assertEquals(0, result.exit(), result::toString);
        List<String> gone = List.of(prefixOf(tokens.get(0)), prefixOf(tokens.get(1))).stream().sorted().toList();
        assertEquals(List.of("pruned " + gone.get(0), "pruned " + gone.get(1),
                "pruned 2 tokens revoked or expired more than 30d ago"), result.outLines());
        assertTrue(cli.memory.findByPrefix(prefixOf(tokens.get(0))).isEmpty());
        assertTrue(cli.memory.findByPrefix(prefixOf(tokens.get(1))).isEmpty());
        assertFalse(cli.memory.findByPrefix(prefixOf(tokens.get(2))).isEmpty(), "ended lately: kept");
        assertFalse(cli.memory.findByPrefix(prefixOf(tokens.get(3))).isEmpty(), "live: kept");
        for (String token : tokens) {
            assertFalse(result.out().contains(token) || result.err().contains(token), "no secret printed");
        }
    }

    @Test
    void dryRun_listsWhatWouldGo_andRemovesNothing() {
        List<String> tokens = tokens();

        CliHarness.Result result = cli.run("prune", STORE, "--older-than", "5d", "--dry-run", "--json");

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().startsWith("{\"dryRun\":true,\"olderThan\":\"5d\","), result::toString);
        for (int i = 0; i < 3; i++) {
            assertTrue(result.out().contains(prefixOf(tokens.get(i))), result::toString);
            assertFalse(cli.memory.findByPrefix(prefixOf(tokens.get(i))).isEmpty(), "a dry run removes nothing");
        }
        assertFalse(result.out().contains(prefixOf(tokens.get(3))), "a live token is never a candidate");
    }

    @Test
    void withoutOlderThan_isAUsageError() {
        CliHarness.Result result = cli.run("prune", STORE);

        assertEquals(ScopeKeyCli.EXIT_USAGE, result.exit(), result::toString);
        assertTrue(result.err().contains("--older-than"), result::toString);
    }
}
