package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever an operator puts where it does not belong — a token pasted as an argument, as an
 * unknown command, as the value of a wrong option — the usage error never repeats it.
 */
class CliEchoPropertyTest {

    @Property(tries = 300)
    void usageErrors_neverRepeatWhatWasMisplaced(@ForAll("tokenLike") String misplaced) {
        CliHarness cli = new CliHarness();
        List<String[]> mistakes = List.of(
                new String[] {misplaced},
                new String[] {"verify", CliHarness.STORE, misplaced},
                new String[] {"list", CliHarness.STORE, misplaced},
                new String[] {"mint", CliHarness.STORE, "--scope", "a:b", misplaced},
                new String[] {"revoke", CliHarness.STORE, "sk_a", misplaced},
                new String[] {"list", CliHarness.STORE, "--token=" + misplaced},
                new String[] {"list", CliHarness.STORE, "-" + misplaced},
                new String[] {"list", CliHarness.STORE, "--limit", misplaced},
                new String[] {"mint", CliHarness.STORE, "--scope", "a:b", "--expires", misplaced},
                new String[] {"rotate", CliHarness.STORE, "sk_a", "--grace", misplaced},
                new String[] {"list", "--store", misplaced},
                new String[] {"help", misplaced});
        for (String[] args : mistakes) {
            CliHarness.Result result = cli.run(args);

            assertEquals(2, result.exit(), () -> String.join(" ", args) + "\n" + result);
            assertFalse(result.err().contains(misplaced), () -> String.join(" ", args) + "\n" + result);
            assertFalse(result.out().contains(misplaced), () -> String.join(" ", args) + "\n" + result);
        }
    }

    /** Strings shaped like secrets: letters and digits, at least one digit and one capital. */
    @Provide
    Arbitrary<String> tokenLike() {
        return Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(12).ofMaxLength(60)
                .filter(s -> s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isUpperCase));
    }
}
