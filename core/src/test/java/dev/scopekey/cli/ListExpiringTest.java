package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListExpiringTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void expiringWithin_listsOnlyTokensExpiringSoon() {
        String soon = cli.mint("--scope", "a:read", "--expires", "3d");
        String later = cli.mint("--scope", "a:read", "--expires", "30d");
        String never = cli.mint("--scope", "a:read");

        CliHarness.Result result = cli.run("list", STORE, "--expiring-within", "7d");

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().contains(prefixOf(soon)), result::toString);
        assertFalse(result.out().contains(prefixOf(later)), result::toString);
        assertFalse(result.out().contains(prefixOf(never)), result::toString);
    }

    @Test
    void expiringWithin_withAll_isAUsageError() {
        assertEquals(ScopeKeyCli.EXIT_USAGE, cli.run("list", STORE, "--all", "--expiring-within", "7d").exit());
    }
}
