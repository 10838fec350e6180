package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenRecord;
import org.junit.jupiter.api.Test;

class UpdateCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void mint_withAllowFromAndRate_storesTheRestrictions() {
        String token = cli.mint("--scope", "a:b", "--allow-from", "10.0.0.0/8, ::1", "--rate", "100/minute");

        TokenRecord record = cli.record(prefixOf(token));
        assertEquals(AddressList.parse("10.0.0.0/8,::1"), record.allowedAddresses());
        assertEquals(RequestRate.parse("100/minute"), record.rateLimit());
        assertEquals(1, cli.verify(token).exit(), "verify has no client address, so an allow-list refuses it");
    }

    @Test
    void mint_withABadAllowFromOrRate_isAUsageError_andMintsNothing() {
        assertEquals(2, cli.run("mint", STORE, "--scope", "a:b", "--allow-from", "intranet").exit());
        assertEquals(2, cli.run("mint", STORE, "--scope", "a:b", "--rate", "fast").exit());
    }

    @Test
    void update_renamesRestrictsDisablesAndEnables_theSameToken() {
        String token = cli.mint("--scope", "a:b", "--name", "before");
        String prefix = prefixOf(token);

        CliHarness.Result result = cli.run("update", STORE, prefix, "--name", "after", "--allow-from", "127.0.0.1",
                "--rate", "5/second", "--disable");

        assertEquals(0, result.exit(), result::toString);
        assertEquals("updated " + prefix + "\n", result.out());
        TokenRecord record = cli.record(prefix);
        assertEquals("after", record.name());
        assertEquals(AddressList.parse("127.0.0.1"), record.allowedAddresses());
        assertEquals(RequestRate.parse("5/second"), record.rateLimit());
        assertTrue(record.disabled());

        assertEquals(0, cli.run("update", STORE, prefix, "--enable", "--allow-from", "none", "--rate", "none").exit());
        TokenRecord cleared = cli.record(prefix);
        assertFalse(cleared.isRestricted());
        assertNull(cleared.revokedAt());
        assertEquals(0, cli.verify(token).exit());
    }

    @Test
    void update_withNothingToChange_orBothFlags_isAUsageError_andUnknownIsRefused() {
        String prefix = prefixOf(cli.mint("--scope", "a:b"));

        assertEquals(2, cli.run("update", STORE, prefix).exit());
        assertEquals(2, cli.run("update", STORE, prefix, "--disable", "--enable").exit());
        assertEquals(2, cli.run("update", STORE, prefix, "--allow-from", "10.0.0.1/8").exit());
        CliHarness.Result unknown = cli.run("update", STORE, "sk_000000000000", "--disable");
        assertEquals(1, unknown.exit());
        assertEquals("refused (not_found): no live token has that prefix\n", unknown.err());
    }
}
