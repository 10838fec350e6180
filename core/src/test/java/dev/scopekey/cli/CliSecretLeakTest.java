package dev.scopekey.cli;

import dev.scopekey.testing.FailingStore;
import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives every command, the failing paths included, with tokens in all the wrong places, and
 * checks that no token reaches standard error, the audit log or any output but mint's and
 * rotate's first line.
 */
class CliSecretLeakTest {
    private final CliHarness cli = new CliHarness();
    private final List<String> tokens = new ArrayList<>();
    private final StringBuilder mayNotHoldSecrets = new StringBuilder();

    @Test
    void noCommandEverPrintsATokenExceptMintAndRotateOnTheirFirstLine() {
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            driveEveryPath();
        } finally {
            System.setErr(realErr);
        }
        String log = logged.toString(StandardCharsets.UTF_8);

        assertTrue(log.contains("event=token_minted"), "the audit log was captured:\n" + log);
        assertTrue(tokens.size() >= 4, "tokens minted: " + tokens.size());
        for (String token : tokens) {
            String secret = token.substring(prefixOf(token).length());
            assertFalse(mayNotHoldSecrets.toString().contains(secret), "a secret leaked:\n" + mayNotHoldSecrets);
            assertFalse(log.contains(secret), "a secret reached the audit log:\n" + log);
        }
    }

    private void driveEveryPath() {
        String root = minted(cli.run("mint", STORE, "--root", "--name", "admin"));
        String reader = minted(cli.run("mint", STORE, "--scope", "kafka:read", "--subject", "alice", "--expires", "1h"));
        String rotated = minted(cli.run("rotate", STORE, prefixOf(reader), "--grace", "10m"));
        String other = minted(cli.run("mint", STORE, "--scope", "a:b", "--subject", "alice"));

        record(cli.run("list", STORE, "--all"));
        for (String token : tokens) {
            record(cli.verify(token));
            record(cli.verify(token, "--scope", "kafka:read"));
            record(cli.verify(token, "--scope", "x:y"));
            record(cli.run("verify", STORE, token));
            record(cli.run("verify", STORE, "--token=" + token));
            record(cli.run("revoke", STORE, token));
            record(cli.run("rotate", STORE, token));
            record(cli.run(token));
            record(cli.run("mint", STORE, "--scope", token));
            record(cli.run("mint", STORE, "--scope", "a:b", "--name", token + "\u0007"));
            record(cli.run("list", "--store=file:" + token, "--limit=0"));
            record(cli.runWithInput(token + "\n" + token, "verify", STORE));
        }
        record(cli.run("revoke", STORE, prefixOf(other)));
        record(cli.run("revoke", STORE, "--subject", "alice"));
        cli.advance(Duration.ofHours(2));
        for (String token : List.of(root, reader, rotated, other)) {
            record(cli.verify(token));
        }
        record(cli.run("list", STORE, "--all"));
        cli.store = new FailingStore();
        record(cli.run("mint", STORE, "--scope", "a:b"));
        record(cli.verify(root));
        record(cli.run("list", STORE));
    }

    /** A mint or rotate run: its first stdout line is the token; everything else is checked. */
    private String minted(CliHarness.Result result) {
        assertEquals(0, result.exit(), result::toString);
        List<String> lines = result.outLines();
        tokens.add(lines.get(0));
        mayNotHoldSecrets.append(String.join("\n", lines.subList(1, lines.size()))).append(result.err());
        return lines.get(0);
    }

    private void record(CliHarness.Result result) {
        mayNotHoldSecrets.append(result.out()).append(result.err());
    }
}
