package dev.scopekey.cli;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.testing.FailingStore;
import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.port.TokenQuery;
import org.junit.jupiter.api.Test;

class RevokeCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void revoke_byPrefix_revokesAtOnce_andTheTokenNoLongerVerifies() {
        String token = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.run("revoke", STORE, prefixOf(token));

        assertEquals(0, result.exit(), result::toString);
        assertEquals("revoked " + prefixOf(token) + "\n", result.out());
        assertEquals(cli.now, cli.record(prefixOf(token)).revokedAt());
        assertEquals("cli", cli.record(prefixOf(token)).revokedBy());
        assertEquals(1, cli.verify(token).exit());
    }

    @Test
    void revoke_ofAnUnknownPrefix_isRefusedWithExit1() {
        CliHarness.Result result = cli.run("revoke", STORE, "sk_000000000000");

        assertEquals(1, result.exit(), result::toString);
        assertEquals("refused (not_found): no live token has that prefix\n", result.err());
    }

    @Test
    void revoke_givenAWholeTokenByMistake_isRefused_andDoesNotEchoIt() {
        String token = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.run("revoke", STORE, token);

        assertEquals(1, result.exit(), result::toString);
        assertFalse(result.err().contains(token));
        assertFalse(result.out().contains(token));
        assertNull(cli.record(prefixOf(token)).revokedAt());
    }

    @Test
    void revoke_ofAPrefixTwoLegacyTokensShare_isRefused_andRevokesNeither() {
        cli.preload(TokenRecord.legacy(PlainToken.of("sharedpfx-one-token")),
                TokenRecord.legacy(PlainToken.of("sharedpfx-two-token")));

        CliHarness.Result result = cli.run("revoke", STORE, "sharedpf");

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().startsWith("refused (conflict): the prefix is ambiguous"), result::toString);
        assertTrue(cli.memory.list(TokenQuery.all()).stream().allMatch(r -> r.revokedAt() == null));
    }

    @Test
    void revoke_bySubject_revokesEveryLiveTokenOfThatSubjectOnly() {
        String first = cli.mint("--scope", "a:b", "--subject", "alice");
        String second = cli.mint("--scope", "c:d", "--subject", "alice");
        String bobs = cli.mint("--scope", "a:b", "--subject", "bob");

        CliHarness.Result result = cli.run("revoke", STORE, "--subject", "alice");

        assertEquals(0, result.exit(), result::toString);
        assertEquals("revoked 2 tokens of subject alice\n", result.out());
        assertNotNull(cli.record(prefixOf(first)).revokedAt());
        assertNotNull(cli.record(prefixOf(second)).revokedAt());
        assertNull(cli.record(prefixOf(bobs)).revokedAt());
    }

    @Test
    void revoke_bySubjectWithNoTokens_revokesNone() {
        CliHarness.Result result = cli.run("revoke", STORE, "--subject", "nobody");

        assertEquals(0, result.exit());
        assertEquals("revoked 0 tokens of subject nobody\n", result.out());
    }

    @Test
    void revoke_byAnEmptySubject_isRefused() {
        CliHarness.Result result = cli.run("revoke", STORE, "--subject=");

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().startsWith("refused (invalid_request)"), result::toString);
    }

    @Test
    void revoke_withoutPrefix_withTwoPrefixes_orWithPrefixAndSubject_isAUsageError() {
        assertEquals(2, cli.run("revoke", STORE).exit());
        assertEquals(2, cli.run("revoke", STORE, "sk_a", "sk_b").exit());
        assertEquals(2, cli.run("revoke", STORE, "sk_a", "--subject", "alice").exit());
        assertTrue(cli.opened.isEmpty(), "no store was opened");
    }

    @Test
    void revoke_whenTheStoreFails_exitsWith1() {
        cli.store = new FailingStore();

        assertEquals(1, cli.run("revoke", STORE, "sk_000000000000").exit());
    }
}
