package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliUsageTest {
    private static final List<String> COMMANDS = List.of("mint", "list", "revoke", "rotate", "verify");

    private final CliHarness cli = new CliHarness();

    @Test
    void noArguments_printsTheOverviewOnStderr_withExit2() {
        CliHarness.Result result = cli.run();

        assertEquals(2, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().contains("Commands:"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void help_printsTheOverviewOnStdout_namingEveryCommandAndExitCode(String help) {
        CliHarness.Result result = cli.run(help);

        assertEquals(0, result.exit());
        for (String command : COMMANDS) {
            assertTrue(result.out().contains("\n  " + command + " "), command + "\n" + result.out());
        }
        assertTrue(result.out().contains("Exit codes: 0 done, 1 refused or failed, 2 usage error."), result.out());
        assertEquals("", result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mint", "list", "revoke", "rotate", "verify"})
    void eachCommand_hasHelp_byFlagOrHelpCommand_withoutOpeningTheStore(String command) {
        for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "-h"},
                new String[] {"help", command}, new String[] {command, "--bogus", "--help"})) {
            CliHarness.Result result = cli.run(args);

            assertEquals(0, result.exit(), String.join(" ", args) + "\n" + result);
            assertTrue(result.out().startsWith("Usage: scopekey " + command), result::toString);
            assertTrue(result.out().contains("--store STORE"), result::toString);
            assertTrue(result.out().contains("-h, --help"), result::toString);
        }
        assertTrue(cli.opened.isEmpty());
    }

    @Test
    void help_listsEveryOptionOfTheCommand() {
        String out = cli.run("mint", "--help").out();

        for (String option : List.of("--scope SCOPE", "--root", "--name NAME", "--subject SUBJECT",
                "--expires DURATION", "--brand BRAND", "--quiet")) {
            assertTrue(out.contains("  " + option + " "), option + "\n" + out);
        }
    }

    @Test
    void helpAfterDoubleDash_isAnArgument_notAHelpRequest() {
        CliHarness.Result result = cli.run("revoke", STORE, "--", "--help");

        assertEquals(1, result.exit(), result::toString);
    }

    @Test
    void help_ofAnUnknownCommand_isAUsageError() {
        assertEquals(2, cli.run("help", "frobnicate").exit());
        assertEquals(2, cli.run("help", "mint", "list").exit());
    }

    @Test
    void anUnknownCommand_isAUsageError_namingIt() {
        CliHarness.Result result = cli.run("frobnicate", STORE);

        assertEquals(2, result.exit());
        assertEquals("scopekey: unknown command frobnicate\nRun 'scopekey --help' for usage.\n", result.err());
    }

    @Test
    void anUnknownCommandThatLooksLikeAToken_isNotEchoed() {
        String token = cli.mint("--scope", "a:b");

        CliHarness.Result result = cli.run(token);

        assertEquals(2, result.exit());
        assertFalse(result.err().contains(token), result::toString);
        assertTrue(result.err().startsWith("scopekey: unknown command\n"), result::toString);
    }

    @Test
    void anUnknownOption_isAUsageError_namingTheOptionButNotItsValue() {
        CliHarness.Result result = cli.run("list", STORE, "--colour=secret-value");

        assertEquals(2, result.exit());
        assertEquals("scopekey list: unknown option --colour\nRun 'scopekey list --help' for usage.\n",
                result.err());
    }

    @Test
    void anOddlySpelledUnknownOption_isNotEchoed() {
        CliHarness.Result result = cli.run("list", STORE, "-sk_Abc123Xyz");

        assertEquals(2, result.exit());
        assertFalse(result.err().contains("Abc123Xyz"), result::toString);
    }

    @Test
    void anOptionMissingItsValue_isAUsageError() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:b", "--name");

        assertEquals(2, result.exit());
        assertTrue(result.err().startsWith("scopekey mint: --name needs a value (--name NAME)"), result::toString);
    }

    @Test
    void anOptionFollowedByAnotherOption_isMissingItsValue() {
        CliHarness.Result result = cli.run("mint", STORE, "--name", "--scope", "a:b");

        assertEquals(2, result.exit());
        assertTrue(result.err().startsWith("scopekey mint: --name needs a value"), result::toString);
    }

    @Test
    void anOptionValueMayStartWithADashWhenGivenWithEquals() {
        String token = cli.mint("--scope", "a:b", "--name=--odd name");

        assertEquals("--odd name", cli.record(CliHarness.prefixOf(token)).name());
    }

    @Test
    void withoutStore_isAUsageError() {
        CliHarness.Result result = cli.run("list");

        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--store is required"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--store=tokens.txt", "--store=file:", "--store=jdbc:", "--store=http://x", "--store="})
    void aMalformedStore_isAUsageError(String store) {
        CliHarness.Result result = cli.run("list", store);

        assertEquals(2, result.exit(), result::toString);
        assertTrue(cli.opened.isEmpty());
    }

    @Test
    void aJdbcStoreWithAPassword_isNotEchoedWhenMalformedOptionsFollow() {
        CliHarness.Result result = cli.run("list", "--store=jdbc:postgresql://db/x?password=hunter2", "--limit=0");

        assertEquals(2, result.exit());
        assertFalse(result.err().contains("hunter2"));
    }

    @Test
    void theStoreComesFromTheEnvironment_whenNotGiven() {
        cli.env.put("SCOPEKEY_STORE", "file:from-env");

        CliHarness.Result result = cli.run("list");

        assertEquals(0, result.exit(), result::toString);
        assertEquals(List.of(new StoreSpec(StoreSpec.Kind.FILE, "from-env")), cli.opened);
    }

    @Test
    void theStoreOptionWinsOverTheEnvironment() {
        cli.env.put("SCOPEKEY_STORE", "file:from-env");

        cli.run("list", "--store", "jdbc:h2:mem:x");

        assertEquals(List.of(new StoreSpec(StoreSpec.Kind.JDBC, "jdbc:h2:mem:x")), cli.opened);
    }
}
