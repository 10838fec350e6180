package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process against a real token file. */
class FileStoreCliTest {
    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness();
    private Path file;
    private String store;

    @BeforeEach
    void useATokenFile() {
        file = dir.resolve("scopekey-tokens");
        store = "--store=file:" + file;
        cli.realStores = true;
        cli.storeArg = store;
    }

    @Test
    void mint_createsTheFileOwnerOnly_andWritesOnlyTheHash() throws IOException {
        String token = cli.mint("--init", "--scope", "a:b", "--name", "ci");

        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.startsWith("sha256:" + prefixOf(token) + ":"), content);
        assertFalse(content.contains(token.substring(prefixOf(token).length())), "no secret at rest");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void mintListVerifyRevoke_workAgainstTheFile() {
        String token = cli.mint("--init", "--scope", "kafka:read");

        CliHarness.Result list = cli.run("list", store);
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().contains(prefixOf(token)));

        assertEquals(0, cli.verify(token, "--scope", "kafka:read").exit());
        assertEquals(0, cli.run("revoke", store, prefixOf(token)).exit());
        CliHarness.Result after = cli.verify(token);
        assertEquals(1, after.exit(), after::toString);
        assertEquals("invalid token (revoked)\n", after.err());
    }

    @Test
    void legacyLinesAnOperatorWrote_verifyAsRoot() throws IOException {
        Files.writeString(file, "# written by hand\nlegacy-operator-token-123\n", StandardCharsets.UTF_8);

        CliHarness.Result result = cli.runWithInput("legacy-operator-token-123\n", "verify", store);

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.out().contains("scopes:   *"), result::toString);
    }

    @Test
    void malformedLines_areReportedOnStderrByLineNumber_neverByContent() throws IOException {
        Files.writeString(file, "# tokens\nsecret-looking-line-content\tNOT A SCOPE\n", StandardCharsets.UTF_8);

        CliHarness.Result result = cli.run("list", store);

        assertEquals(0, result.exit(), result::toString);
        assertTrue(result.err().contains("warning: token file line 2"), result::toString);
        assertFalse(result.err().contains("secret-looking-line-content"), result::toString);
    }

    @Test
    void aFileThatCannotBeCreated_isAStoreError_withExit1() throws IOException {
        Files.writeString(dir.resolve("not-a-dir"), "x", StandardCharsets.UTF_8);

        CliHarness.Result result = cli.run("list", "--store=file:" + dir.resolve("not-a-dir").resolve("tokens"));

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().startsWith("store error: "), result::toString);
    }

    @Test
    void migrate_ofATokenFile_isAUsageError_andCreatesNoFile() {
        CliHarness.Result result = cli.run("migrate", store);

        assertEquals(2, result.exit(), result::toString);
        assertTrue(result.err().contains("migrate is for jdbc: stores"), result::toString);
        assertFalse(Files.exists(file));
    }

    @Test
    void aUsageError_createsNoFile() {
        assertEquals(2, cli.run("mint", store).exit());
        assertEquals(List.of(), cli.opened);
        assertFalse(Files.exists(file));
    }
}
