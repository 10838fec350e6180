package dev.scopekey.cli;

import dev.scopekey.testing.FailingStore;
import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void verify_readsTheTokenFromStdin_andPrintsWhoItIs() {
        String token = cli.mint("--scope", "kafka:read", "--name", "reader", "--subject", "alice");

        CliHarness.Result result = cli.verify(token);

        assertEquals(0, result.exit(), result::toString);
        assertEquals(List.of("valid", "prefix:   " + prefixOf(token), "scopes:   kafka:read", "name:     reader",
                "subject:  alice", "source:   store"), result.outLines());
        assertEquals("", result.err());
    }

    @Test
    void verify_acceptsTheTokenWithSurroundingWhitespaceAndCrlf() {
        String token = cli.mint("--scope", "a:b");

        assertEquals(0, cli.runWithInput("  " + token + "\r\n", "verify", STORE).exit());
    }

    @Test
    void verify_withAScopeTheTokenGrants_isGranted() {
        String token = cli.mint("--scope", "workspaces:w42:*");

        CliHarness.Result result = cli.verify(token, "--scope", "workspaces:w42:write");

        assertEquals(0, result.exit(), result::toString);
        assertEquals("granted workspaces:w42:write", result.outLines().get(0));
    }

    @Test
    void verify_withAScopeTheTokenLacks_isDeniedWithExit1() {
        String token = cli.mint("--scope", "workspaces:w42:*");

        CliHarness.Result result = cli.verify(token, "--scope", "workspaces:w43:write");

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertEquals("denied: the token is valid but does not grant workspaces:w43:write\n", result.err());
    }

    @Test
    void verify_ofARevokedToken_isInvalid_withoutEchoingIt() {
        String token = cli.mint("--scope", "a:b");
        cli.run("revoke", STORE, prefixOf(token));

        assertInvalid(token, "revoked");
    }

    @Test
    void verify_ofAnExpiredToken_isInvalid() {
        String token = cli.mint("--scope", "a:b", "--expires", "1h");
        cli.advance(Duration.ofHours(1));

        assertInvalid(token, "expired");
    }

    @Test
    void verify_ofAnUnknownToken_isInvalid() {
        String token = new CliHarness().mint("--scope", "a:b");

        CliHarness.Result result = cli.verify(token);

        assertEquals(1, result.exit());
        assertEquals("invalid token (unknown)\n", result.err());
        assertFalse(result.err().contains(token));
    }

    @Test
    void verify_ofATokenWithABadChecksum_isInvalid() {
        String token = cli.mint("--scope", "a:b");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertInvalid(tampered, "bad checksum");
    }

    @Test
    void verify_ofNonAsciiInput_isInvalid() {
        assertInvalid("tökenwithumlaut", "malformed");
    }

    @Test
    void verify_doesNotRecordAUse() {
        String token = cli.mint("--scope", "a:b");

        cli.verify(token);

        assertNull(cli.record(prefixOf(token)).lastUsedAt());
    }

    @Test
    void verify_withTheTokenOnTheCommandLine_isAUsageError_thatDoesNotEchoIt() {
        String token = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.runWithInput("", "verify", STORE, token);

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().contains("read from standard input"), result::toString);
        assertFalse(result.err().contains(token));
    }

    @Test
    void verify_withTheTokenAsAnUnknownOption_doesNotEchoIt() {
        String token = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.runWithInput("", "verify", STORE, "--token=" + token);

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().startsWith("scopekey verify: unknown option --token\n"), result::toString);
        assertFalse(result.err().contains(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "   \r\n"})
    void verify_withNothingOnStdin_isAUsageError(String stdin) {
        CliHarness.Result result = cli.runWithInput(stdin, "verify", STORE);

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().startsWith("scopekey verify: no token on standard input"), result::toString);
    }

    @Test
    void verify_withTwoTokensOnStdin_isAUsageError_thatEchoesNeither() {
        String first = cli.mint("--scope", "a:b");
        String second = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.runWithInput(first + "\n" + second + "\n", "verify", STORE);

        assertEquals(2, result.exit(), result::toString);
        assertFalse(result.err().contains(first) || result.err().contains(second));
    }

    @Test
    void verify_withHugeStdin_isAUsageError() {
        assertEquals(2, cli.runWithInput("x".repeat(100_000), "verify", STORE).exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "a:*", "Not A Scope", ""})
    void verify_withANonConcreteRequiredScope_isAUsageError(String scope) {
        String token = cli.mint("--root");

        CliHarness.Result result = cli.verify(token, "--scope=" + scope);

        assertEquals(2, result.exit(), result::toString);
        assertEquals(1, cli.opened.size(), "only the mint opened the store");
    }

    @Test
    void verify_whenTheStoreIsDown_isAStoreErrorWithExit1() {
        String token = cli.mint("--scope", "a:b");
        cli.store = new FailingStore();

        CliHarness.Result result = cli.verify(token);

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().startsWith("store error: "), result::toString);
        assertFalse(result.err().contains(token));
    }

    private void assertInvalid(String token, String reason) {
        CliHarness.Result result = cli.verify(token);

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertEquals("invalid token (" + reason + ")\n", result.err());
        assertFalse(result.err().contains(token));
    }
}
