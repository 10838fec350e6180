package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help} exits 0 everywhere; unknown commands and options suggest the nearest known one. */
class HelpAndSuggestionsTest {
    private static final List<String> COMMANDS = List.of("mint", "list", "revoke", "rotate", "verify", "migrate");

    @TempDir
    Path dir;

    @Test
    void everyHelpRequest_inAChildJvm_exits0_withUsageOnStdout() throws Exception {
        ChildCli cli = new ChildCli(dir);
        for (String command : COMMANDS) {
            for (List<String> args : List.of(List.of(command, "--help"), List.of("help", command))) {
                ChildCli.Run run = cli.run("", args.toArray(String[]::new));

                assertEquals(0, run.exit(), args + "\n" + run);
                assertTrue(run.out().startsWith("Usage: scopekey " + command + " "), args + "\n" + run);
                assertEquals("", run.err(), args + "\n" + run);
            }
        }
        for (List<String> args : List.of(List.of("--help"), List.of("help", "--help"), List.of("help", "help"),
                List.of("help", "-h"))) {
            ChildCli.Run run = cli.run("", args.toArray(String[]::new));

            assertEquals(0, run.exit(), args + "\n" + run);
            assertTrue(run.out().contains("Commands:"), args + "\n" + run);
        }
    }

    @Test
    void aMistypedCommand_suggestsTheNearestOne() throws Exception {
        ChildCli.Run run = new ChildCli(dir).run("", "lsit", "--store=file:t");

        assertEquals(2, run.exit(), run::toString);
        assertEquals("scopekey: unknown command lsit; did you mean list?\nRun 'scopekey --help' for usage.\n", run.err());
    }

    @Test
    void aMistypedOption_suggestsTheNearestOne() throws Exception {
        ChildCli.Run run = new ChildCli(dir).run("", "mint", "--store=file:t", "--scopes", "a:b");

        assertEquals(2, run.exit(), run::toString);
        assertEquals("scopekey mint: unknown option --scopes; did you mean --scope?\n"
                + "Run 'scopekey mint --help' for usage.\n", run.err());
    }

    @Test
    void helpForAMistypedCommand_suggestsTheNearestOne() throws Exception {
        ChildCli.Run run = new ChildCli(dir).run("", "help", "rotat");

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("scopekey: unknown command rotat; did you mean rotate?\n"), run::toString);
    }

    @Test
    void nothingNear_suggestsNothing() throws Exception {
        ChildCli.Run run = new ChildCli(dir).run("", "list", "--store=file:t", "--frobnicate");

        assertEquals(2, run.exit(), run::toString);
        assertEquals("scopekey list: unknown option --frobnicate\nRun 'scopekey list --help' for usage.\n", run.err());
    }
}
