package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RotateCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void rotate_printsTheSuccessorFirst_thenWhatItReplacesAndWhenTheOldOneRetires() {
        String old = cli.mint("--scope", "a:b", "--name", "ci", "--subject", "alice");

        CliHarness.Result result = cli.run("rotate", STORE, prefixOf(old), "--grace", "1h");

        assertEquals(0, result.exit(), result::toString);
        List<String> lines = result.outLines();
        String successor = lines.get(0);
        assertTrue(TokenFormat.isValidMinted(successor));
        assertNotEquals(old, successor);
        assertTrue(lines.contains("replaces: " + prefixOf(old)), result::toString);
        assertTrue(lines.contains("retires:  2030-01-01T01:00:00Z"), result::toString);
        TokenRecord record = cli.record(prefixOf(successor));
        assertEquals("ci", record.name());
        assertEquals("alice", record.subject());
        assertEquals(result.out().indexOf(successor), result.out().lastIndexOf(successor));
        assertFalse(result.err().contains(successor));
    }

    @Test
    void rotate_withGrace_keepsTheOldTokenWorkingUntilTheGraceEnds() {
        String old = cli.mint("--scope", "a:b");
        String successor = cli.run("rotate", STORE, prefixOf(old), "--grace", "1h", "--quiet").outLines().get(0);

        assertEquals(0, cli.verify(old).exit());
        cli.advance(Duration.ofHours(1));

        assertEquals(1, cli.verify(old).exit());
        assertEquals(0, cli.verify(successor).exit());
    }

    @Test
    void rotate_withoutGrace_retiresTheOldTokenAtOnce() {
        String old = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.run("rotate", STORE, prefixOf(old), "--quiet");

        assertEquals(0, result.exit());
        assertEquals(1, result.outLines().size(), "quiet prints only the token");
        assertEquals(1, cli.verify(old).exit());
        assertEquals(0, cli.verify(result.outLines().get(0)).exit());
    }

    @Test
    void rotate_ofARootToken_byTheOperator_mintsARootSuccessor() {
        String old = cli.mint("--root");

        String successor = cli.run("rotate", STORE, prefixOf(old), "--grace=0", "--quiet").outLines().get(0);

        assertTrue(cli.record(prefixOf(successor)).scopes().isRoot());
    }

    @Test
    void rotate_ofAnUnknownPrefix_isRefusedWithExit1() {
        CliHarness.Result result = cli.run("rotate", STORE, "sk_000000000000");

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("refused (not_found)"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--grace=soon", "--grace=-1h", "--brand=9x", "--root"})
    void rotate_withAMalformedOption_isAUsageError(String arg) {
        String old = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.run("rotate", STORE, prefixOf(old), arg);

        assertEquals(2, result.exit(), result::toString);
        assertEquals(1, cli.memory.list(dev.scopekey.port.TokenQuery.all()).size(), "nothing minted");
    }

    @Test
    void rotate_withoutAPrefix_isAUsageError() {
        assertEquals(2, cli.run("rotate", STORE).exit());
    }
}
