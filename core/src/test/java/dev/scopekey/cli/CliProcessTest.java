package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.cli.ChildCli.Run;
import dev.scopekey.domain.TokenFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as operators run it: a separate JVM per command ({@code java -cp … ScopeKeyCli}), a
 * token file in its working directory, real exit codes, real standard streams. An SLF4J backend
 * is on the test class path, so audit lines reach the child's stderr too, and are checked.
 */
class CliProcessTest {
    private static final String STORE = "--store=file:scopekey-tokens";

    @TempDir
    Path dir;

    private ChildCli child;

    @Test
    void mintListVerifyRevokeVerify_inChildJvms_neverPutTheTokenOnStderr() throws Exception {
        Run mint = cli("", "mint", STORE, "--init", "--scope", "a:b", "--name", "demo");
        assertEquals(0, mint.exit(), mint::toString);
        String token = mint.out().lines().findFirst().orElseThrow();
        assertTrue(TokenFormat.isValidMinted(token), mint::toString);
        assertEquals(mint.out().indexOf(token), mint.out().lastIndexOf(token), "printed once");

        Run list = cli("", "list", STORE);
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().contains(prefixOf(token)), list::toString);
        assertFalse(list.out().contains(token), "no secret in list");

        Run verify = cli(token + "\n", "verify", STORE, "--scope", "a:b");
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.out().startsWith("granted a:b\n"), verify::toString);

        Run revoke = cli("", "revoke", STORE, prefixOf(token));
        assertEquals(0, revoke.exit(), revoke::toString);
        assertEquals("revoked " + prefixOf(token) + "\n", revoke.out());

        Run again = cli(token + "\n", "verify", STORE);
        assertEquals(1, again.exit(), again::toString);
        assertTrue(again.err().contains("invalid token (revoked)"), again::toString);

        Run onArgv = cli("", "verify", STORE, token);
        assertEquals(2, onArgv.exit(), onArgv::toString);

        assertTrue(child.allStderr().contains("event=token_minted"), "audit lines reached stderr:\n" + child.allStderr());
        assertFalse(child.allStderr().contains(token), "the token reached stderr:\n" + child.allStderr());
        assertTrue(Files.readString(dir.resolve("scopekey-tokens")).contains("sha256:" + prefixOf(token) + ":"));
    }

    @Test
    void usageErrorsAndRefusals_exitWith2And1() throws Exception {
        assertEquals(2, cli("", "frobnicate").exit());
        assertEquals(2, cli("", "mint", STORE).exit());
        assertEquals(1, cli("", "mint", STORE, "--init", "--scope", "auth:tokens").exit());
        assertEquals(1, cli("", "revoke", STORE, "sk_000000000000").exit());
        Run help = cli("", "mint", "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().startsWith("Usage: scopekey mint"), help::toString);
    }

    private Run cli(String stdin, String... args) throws IOException, InterruptedException {
        if (child == null) {
            child = new ChildCli(dir);
        }
        return child.run(stdin, args);
    }
}
