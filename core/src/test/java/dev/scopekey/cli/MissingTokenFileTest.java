package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped {@code --store file:…} path fails and names the file; only --create or mint --init create one. */
class MissingTokenFileTest {
    @TempDir
    Path dir;

    private ChildCli cli;

    @BeforeEach
    void child() {
        cli = new ChildCli(dir);
    }

    @Test
    void aMissingTokenFile_exits1NamingTheFileAndTheFix_andCreatesNothing() throws Exception {
        String store = "--store=file:scopekey-tokns";
        for (List<String> args : List.of(List.of("list", store), List.of("revoke", store, "sk_000000000000"),
                List.of("verify", store), List.of("mint", store, "--scope", "a:b"))) {
            ChildCli.Run run = cli.run("sk_x\n", args.toArray(String[]::new));

            assertEquals(1, run.exit(), args + "\n" + run);
            assertEquals("", run.out(), run::toString);
            assertTrue(run.err().contains(dir.toRealPath().resolve("scopekey-tokns").toString()), run::toString);
            assertTrue(run.err().contains("--create"), run::toString);
            assertFalse(Files.exists(dir.resolve("scopekey-tokns")), args + " created the file");
        }
    }

    @Test
    void aTokenPastedAsTheStorePath_isNotEchoed_andNoFileIsNamedAfterIt() throws Exception {
        String token = "sk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmno";

        ChildCli.Run run = cli.run("", "list", "--store=file:" + token);

        assertEquals(1, run.exit(), run::toString);
        assertFalse(run.err().contains(token.substring(3, 40)), run::toString);
        assertTrue(run.err().contains("--create"), run::toString);
        assertFalse(Files.exists(dir.resolve(token)));
    }

    @Test
    void mintInit_createsTheTokenFileOwnerOnly() throws Exception {
        ChildCli.Run run = cli.run("", "mint", "--store=file:scopekey-tokens", "--init", "--root", "--quiet");

        assertEquals(0, run.exit(), run::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("scopekey-tokens"))));
    }

    @Test
    void create_createsAnEmptyTokenFileOwnerOnly_forAnyCommand() throws Exception {
        ChildCli.Run run = cli.run("", "list", "--store=file:scopekey-tokens", "--create");

        assertEquals(0, run.exit(), run::toString);
        assertEquals("", Files.readString(dir.resolve("scopekey-tokens")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("scopekey-tokens"))));
    }

    @Test
    void create_withADatabaseStore_isAUsageError() throws Exception {
        ChildCli.Run run = cli.run("", "list", "--store=jdbc:h2:mem:x", "--create");

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("--create is for file: stores"), run::toString);
    }
}
