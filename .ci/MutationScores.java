import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutation profile's gate: reads PIT's XML report of each package group, prints the group's
 * score (killed + timed out over all mutants) and fails (exit 1) when a score is below its
 * threshold, when guarded classes have more mutants without coverage than allowed, or when a
 * report is missing.
 *
 * <p>One argument per group, {@code key=value} pairs separated by {@code ;}:
 * <ul>
 *   <li>{@code name}: the group's name in the output;</li>
 *   <li>{@code report}: the directory holding PIT's {@code mutations.xml};</li>
 *   <li>{@code min}: the lowest passing score in percent;</li>
 *   <li>{@code guard} (optional): class-name prefixes, comma-separated, whose mutants must all be
 *       covered by some test;</li>
 *   <li>{@code uncovered} (optional, 0 unless given): how many mutants without coverage the
 *       guarded classes may have;</li>
 *   <li>{@code skip} (optional): {@code true} when the group was not run in this build.</li>
 * </ul>
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
            Map<String, String> group = parse(arg);
            String name = group.get("name");
            if (Boolean.parseBoolean(group.getOrDefault("skip", "false"))) {
                lines.add(String.format("%-30s not run in this build", name));
                continue;
            }
            Path report = Path.of(group.get("report"), "mutations.xml");
            if (!Files.isRegularFile(report)) {
                problems.add(name + ": no report at " + report);
                continue;
            }
            double min = Double.parseDouble(group.get("min"));
            List<String> guarded = group.containsKey("guard") ? List.of(group.get("guard").split(",")) : List.of();
            int allowed = Integer.parseInt(group.getOrDefault("uncovered", "0"));

            Map<String, Integer> byStatus = new TreeMap<>();
            List<String> uncovered = new ArrayList<>();
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
            int detected = byStatus.getOrDefault("KILLED", 0) + byStatus.getOrDefault("TIMED_OUT", 0);
            double score = all == 0 ? 0 : 100.0 * detected / all;
            lines.add(String.format("%-30s %5.1f %%  (threshold %s %%; %d of %d killed or timed out; %s)",
                    name, score, group.get("min"), detected, all, byStatus));
            if (all == 0 || score < min) {
                problems.add(String.format("%s: %.1f %% is below the threshold of %s %%", name, score, group.get("min")));
            }
            if (uncovered.size() > allowed) {
                problems.addAll(uncovered);
                problems.add(name + ": " + uncovered.size() + " mutants without coverage, at most " + allowed + " allowed");
            }
        }
        System.out.println("Mutation scores (killed + timed out / all mutants):");
        lines.forEach(line -> System.out.println("    " + line));
        if (!problems.isEmpty()) {
            System.out.println("Mutation check failed:");
            problems.forEach(problem -> System.out.println("    " + problem));
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String arg) {
        Map<String, String> group = new LinkedHashMap<>();
        for (String pair : arg.split(";")) {
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length != 2 || keyValue[0].isBlank()) {
                throw new IllegalArgumentException("not key=value: '" + pair + "' in '" + arg + "'");
            }
            group.put(keyValue[0].strip(), keyValue[1].strip());
        }
        for (String required : List.of("name", "report", "min")) {
            if (!group.containsKey(required)) {
                throw new IllegalArgumentException("no " + required + "= in '" + arg + "'");
            }
        }
        return group;
    }
}
