import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PIT's XML reports after the mutation profile has run and prints one score line per
 * package group: killed + timed out over all mutants. Fails (exit 1) when a group names
 * packages that must have no mutant without coverage and one has none, or when a report is
 * missing. PIT itself enforces each group's score threshold.
 *
 * <p>Arguments, one per group:
 * {@code <name>=<report directory>[=<class prefix>,<class prefix>...[=<allowed>]]}; the prefixes
 * are the classes in which NO_COVERAGE mutants fail the build once there are more than
 * {@code allowed} of them (0 unless given: a ratchet while a group is brought to 0).
 *
 * <p>Run with the JDK's single-file launcher: {@code java .ci/MutationScores.java ...}.
 */
public final class MutationScores {
    private static final Pattern MUTATION = Pattern.compile(
            "<mutation\\b[^>]*\\bstatus='([A-Z_]+)'[^>]*>.*?<mutatedClass>([^<]+)</mutatedClass>.*?"
                    + "<lineNumber>(\\d+)</lineNumber>.*?<mutator>([^<]+)</mutator>",
            Pattern.DOTALL);

    private MutationScores() {
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 4);
            String name = parts[0];
            Path report = Path.of(parts[1], "mutations.xml");
            List<String> guarded = parts.length > 2 ? List.of(parts[2].split(",")) : List.of();
            int allowed = parts.length > 3 ? Integer.parseInt(parts[3]) : 0;
            List<String> uncovered = new ArrayList<>();
            if (!Files.isRegularFile(report)) {
                problems.add(name + ": no report at " + report);
                continue;
            }
            Map<String, Integer> byStatus = new TreeMap<>();
            Matcher m = MUTATION.matcher(Files.readString(report));
            int all = 0;
            while (m.find()) {
                all++;
                String status = m.group(1);
                byStatus.merge(status, 1, Integer::sum);
                String mutatedClass = m.group(2);
                if (status.equals("NO_COVERAGE") && guarded.stream().anyMatch(mutatedClass::startsWith)) {
                    String mutator = m.group(4).substring(m.group(4).lastIndexOf('.') + 1);
                    uncovered.add(name + ": no test covers " + mutatedClass + " line " + m.group(3) + " (" + mutator + ")");
                }
            }
            if (uncovered.size() > allowed) {
                problems.addAll(uncovered);
                problems.add(name + ": " + uncovered.size() + " mutants without coverage, at most " + allowed + " allowed");
            }
            int detected = byStatus.getOrDefault("KILLED", 0) + byStatus.getOrDefault("TIMED_OUT", 0);
            double score = all == 0 ? 0 : 100.0 * detected / all;
            lines.add(String.format("%-34s %5.1f %%  (%d of %d killed or timed out; %s)",
                    name, score, detected, all, byStatus));
        }
        System.out.println("Mutation scores (killed + timed out / all mutants):");
        lines.forEach(line -> System.out.println("    " + line));
        if (!problems.isEmpty()) {
            System.out.println("Mutation check failed:");
            problems.forEach(problem -> System.out.println("    " + problem));
            System.exit(1);
        }
    }
}
