package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each command's usage lines in {@code --help} are the synopsis under its heading in docs/cli.md. */
class UsageMatchesDocsTest {
    private static final Path DOC = Path.of("..", "docs", "cli.md");

    @ParameterizedTest
    @ValueSource(strings = {"mint", "list", "revoke", "rotate", "prune", "update", "verify", "migrate"})
    void usageLines_matchTheSynopsisInTheDocs(String command) throws IOException {
        CliHarness.Result help = new CliHarness().run(command, "--help");

        assertEquals(documented(command), usageLines(help.out()), help::toString);
    }

    /** The forms in --help: the Usage: line and any "or:" lines under it. */
    private static List<String> usageLines(String help) {
        List<String> forms = new ArrayList<>();
        for (String line : help.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("Usage: ") || stripped.startsWith("or: ")) {
                forms.add(normalised(stripped.substring(stripped.indexOf(' ') + 1)));
            } else {
                break;
            }
        }
        return forms;
    }

    /** The first fenced block under "## command": one form per line, indented lines continuing the one before. */
    private static List<String> documented(String command) throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int heading = lines.indexOf("## " + command);
        assertTrue(heading >= 0, "no section ## " + command + " in " + DOC);
        int fence = heading + 1;
        while (!lines.get(fence).startsWith("```")) {
            fence++;
        }
        List<String> forms = new ArrayList<>();
        for (int i = fence + 1; !lines.get(i).startsWith("```"); i++) {
            String line = lines.get(i);
            if (line.startsWith(" ") && !forms.isEmpty()) {
                forms.set(forms.size() - 1, normalised(forms.get(forms.size() - 1) + " " + line));
            } else {
                forms.add(normalised(line));
            }
        }
        return forms;
    }

    private static String normalised(String form) {
        return form.strip().replaceAll("\\s+", " ");
    }
}
