package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json} on list, mint, rotate and verify: one JSON document on stdout, the token in it once. */
class JsonOutputTest {
    private static final String STORE = "--store=file:scopekey-tokens";
    /**
     * A name a hand-rolled writer gets wrong: quotes, backslashes, a slash. ASCII, so that the
     * child's argv decodes the same in any locale; JsonObjectPropertyTest covers every character.
     */
    private static final String AWKWARD_NAME = "a \"quoted\" \\ name \\\" </x> {\"k\":1}";

    @TempDir
    Path dir;

    private ChildCli cli;

    @BeforeEach
    void createTheStore() throws Exception {
        cli = new ChildCli(dir);
        assertEquals(0, cli.run("", "list", STORE, "--create").exit());
    }

    @Test
    void mintJson_isOneObject_holdingTheRecordAndTheTokenOnce() throws Exception {
        ChildCli.Run run = cli.run("", "mint", STORE, "--scope", "a:b,c:d", "--name", AWKWARD_NAME,
                "--subject", "team-a", "--expires", "1d", "--json");

        assertEquals(0, run.exit(), run::toString);
        Map<String, Object> minted = JsonValue.object(run.out());
        String token = (String) minted.get("token");
        assertTrue(TokenFormat.isValidMinted(token), run::toString);
        assertEquals(run.out().indexOf(token), run.out().lastIndexOf(token), "the token once");
        assertEquals(prefixOf(token), minted.get("prefix"));
        assertEquals(List.of("a:b", "c:d"), minted.get("scopes"));
        assertEquals(AWKWARD_NAME, minted.get("name"));
        assertEquals("team-a", minted.get("subject"));
        assertEquals("store", minted.get("source"));
        assertEquals("cli", minted.get("createdBy"));
        assertTrue(((String) minted.get("expiresAt")).endsWith("Z"), run::toString);
        assertNull(minted.get("lastUsedAt"));
        assertFalse(run.err().contains(token), run::toString);
    }

    @Test
    void listJson_isAnArrayOfPublicRecords_withSource_andNoSecret() throws Exception {
        String first = mint("--scope", "a:b", "--name", AWKWARD_NAME);
        String second = mint("--scope", "c:d", "--subject", "bob");

        ChildCli.Run run = cli.run("", "list", STORE, "--json");

        assertEquals(0, run.exit(), run::toString);
        List<Map<String, Object>> records = JsonValue.arrayOfObjects(run.out());
        assertEquals(2, records.size(), run::toString);
        for (Map<String, Object> record : records) {
            assertEquals("store", record.get("source"), run::toString);
            assertEquals("live", record.get("status"), run::toString);
            assertFalse(record.containsKey("token"), run::toString);
            assertFalse(record.containsKey("hash"), run::toString);
        }
        Map<String, Object> named = records.get(prefixOf(first).compareTo(prefixOf(second)) < 0 ? 0 : 1);
        assertEquals(prefixOf(first), named.get("prefix"));
        assertEquals(AWKWARD_NAME, named.get("name"));
        for (String token : List.of(first, second)) {
            assertFalse(run.out().contains(token.substring(prefixOf(token).length())), "a secret in list --json");
        }
    }

    @Test
    void listJson_ofAnEmptyStore_isAnEmptyArray() throws Exception {
        ChildCli.Run run = cli.run("", "list", STORE, "--json");

        assertEquals(0, run.exit(), run::toString);
        assertEquals(List.of(), JsonValue.parse(run.out()));
    }

    @Test
    void rotateJson_isOneObject_withTheSuccessorOnce_andWhatItReplaces() throws Exception {
        String old = mint("--scope", "a:b", "--name", "n");

        ChildCli.Run run = cli.run("", "rotate", STORE, prefixOf(old), "--grace", "1h", "--json");

        assertEquals(0, run.exit(), run::toString);
        Map<String, Object> successor = JsonValue.object(run.out());
        String token = (String) successor.get("token");
        assertTrue(TokenFormat.isValidMinted(token), run::toString);
        assertEquals(run.out().indexOf(token), run.out().lastIndexOf(token), "the token once");
        assertEquals(prefixOf(token), successor.get("prefix"));
        assertEquals(prefixOf(old), successor.get("replaces"));
        assertTrue(((String) successor.get("retires")).endsWith("Z"), run::toString);
        assertEquals(List.of("a:b"), successor.get("scopes"));
    }

    @Test
    void verifyJson_printsTheDecision_grantedDeniedOrInvalid() throws Exception {
        String token = mint("--scope", "a:b", "--subject", "alice");

        ChildCli.Run granted = cli.run(token + "\n", "verify", STORE, "--scope", "a:b", "--json");
        ChildCli.Run denied = cli.run(token + "\n", "verify", STORE, "--scope", "x:y", "--json");
        ChildCli.Run invalid = cli.run("sk_000000000000000000000000000000000000000000000000000\n", "verify", STORE,
                "--json");

        assertEquals(0, granted.exit(), granted::toString);
        Map<String, Object> yes = JsonValue.object(granted.out());
        assertEquals("granted", yes.get("decision"));
        assertEquals("a:b", yes.get("scope"));
        assertEquals(prefixOf(token), yes.get("prefix"));
        assertEquals("alice", yes.get("subject"));
        assertEquals("store", yes.get("source"));
        assertFalse(granted.out().contains(token), granted::toString);

        assertEquals(1, denied.exit(), denied::toString);
        Map<String, Object> no = JsonValue.object(denied.out());
        assertEquals("denied", no.get("decision"));
        assertEquals("insufficient_scope", no.get("reason"));
        assertEquals("x:y", no.get("scope"));

        assertEquals(1, invalid.exit(), invalid::toString);
        Map<String, Object> bad = JsonValue.object(invalid.out());
        assertEquals("invalid", bad.get("decision"));
        assertTrue(bad.get("reason") instanceof String, invalid::toString);
    }

    @Test
    void jsonAndQuiet_together_areAUsageError() throws Exception {
        ChildCli.Run run = cli.run("", "mint", STORE, "--scope", "a:b", "--json", "--quiet");

        assertEquals(2, run.exit(), run::toString);
        assertEquals("", run.out());
    }

    private String mint(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("mint", STORE, "--quiet"));
        command.addAll(List.of(args));
        ChildCli.Run run = cli.run("", command.toArray(String[]::new));
        assertEquals(0, run.exit(), run::toString);
        return run.out().strip();
    }
}
