package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MintLifetimeFlagsTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void defaultLifetime_appliesWithoutExpires() {
        String token = cli.mint("--scope", "a:read", "--default-lifetime", "7d");

        assertEquals(cli.now.plus(Duration.ofDays(7)), cli.record(prefixOf(token)).expiresAt());
    }

    @Test
    void maxLifetime_refusesALongerExpires_namingTheMaximum() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:read", "--expires", "120d",
                "--max-lifetime", "90d");

        assertEquals(ScopeKeyCli.EXIT_REFUSED, result.exit(), result::toString);
        assertTrue(result.err().contains("expiresIn exceeds the maximum lifetime of 90d"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void maxLifetime_refusesNever_andAMintWithoutLifetime() {
        CliHarness.Result never = cli.run("mint", STORE, "--scope", "a:read", "--expires", "never",
                "--max-lifetime", "90d");
        CliHarness.Result unasked = cli.run("mint", STORE, "--scope", "a:read", "--max-lifetime", "90d");

        assertEquals(ScopeKeyCli.EXIT_REFUSED, never.exit(), never::toString);
        assertEquals(ScopeKeyCli.EXIT_REFUSED, unasked.exit(), unasked::toString);
    }

    @Test
    void withoutFlags_theOperatorMintsAsAsked_andNeverMeansNoExpiry() {
        String token = cli.mint("--scope", "a:read", "--expires", "never");

        assertNull(cli.record(prefixOf(token)).expiresAt());
        assertEquals(cli.now.plus(Duration.ofDays(3650)),
                cli.record(prefixOf(cli.mint("--scope", "a:read", "--expires", "3650d"))).expiresAt());
    }

    @Test
    void defaultAboveMaximum_isAUsageError() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:read", "--default-lifetime", "100d",
                "--max-lifetime", "90d");

        assertEquals(ScopeKeyCli.EXIT_USAGE, result.exit(), result::toString);
    }
}
