package dev.scopekey.testkit.report;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, how many tests were skipped, by test class and reason: an
 * aborted assumption (for example a database URL that is not set) or a disabling condition.
 * Without it a skip is only a count in surefire's summary, and a suite that never ran looks
 * like one that passed.
 *
 * <p>Registered through {@code META-INF/services}, so it runs in every JUnit Platform test run
 * that has this jar on its class path. It writes to the process's own standard error, which
 * surefire copies to the console from a forked test JVM even when test output is redirected to
 * files. It prints nothing when no test was skipped. Thread-safe.
 */
public final class SkippedTestsReport implements TestExecutionListener {
    private static final int MAX_REASON = 240;

    private final PrintStream out;
    private TestPlan plan;
    private final Set<String> counted = new HashSet<>();
    private final Map<String, Integer> skippedByClassAndReason = new TreeMap<>();
    private int ran;

    /** The report on the process's standard error (not {@code System.err}, which a test run may capture). */
    public SkippedTestsReport() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /** The report on {@code out}. */
    public SkippedTestsReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        counted.clear();
        skippedByClassAndReason.clear();
        ran = 0;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        counted.add(test.getUniqueId());
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        skip(test, reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            counted.remove(test.getUniqueId());
            skip(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
        } else if (test.isTest()) {
            ran++;
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        int skipped = skippedByClassAndReason.values().stream().mapToInt(Integer::intValue).sum();
        if (skipped == 0) {
            return;
        }
        out.println();
        out.println("Skipped " + skipped + " of " + (ran + skipped) + " tests, by test class and reason:");
        skippedByClassAndReason.forEach((classAndReason, count) -> out.printf("  %4d  %s%n", count, classAndReason));
        out.println();
        out.flush();
    }

    /** Counts a skipped or aborted test, or every test below a skipped or aborted container that did not run. */
    private void skip(TestIdentifier skippedNode, String reason) {
        Set<TestIdentifier> nodes = new HashSet<>(plan.getDescendants(skippedNode));
        nodes.add(skippedNode);
        for (TestIdentifier node : nodes) {
            if (node.isTest() && counted.add(node.getUniqueId())) {
                skippedByClassAndReason.merge(testClass(node) + ": " + oneLine(reason), 1, Integer::sum);
            }
        }
    }

    /** The simple name of the class a test is declared in, nested classes joined with dots. */
    private String testClass(TestIdentifier test) {
        for (Optional<TestIdentifier> node = Optional.of(test); node.isPresent(); node = plan.getParent(node.get())) {
            Optional<String> name = node.get().getSource().flatMap(SkippedTestsReport::className);
            if (name.isPresent()) {
                String className = name.get();
                return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
            }
        }
        return test.getDisplayName();
    }

    private static Optional<String> className(TestSource source) {
        if (source instanceof MethodSource) {
            return Optional.of(((MethodSource) source).getClassName());
        }
        if (source instanceof ClassSource) {
            return Optional.of(((ClassSource) source).getClassName());
        }
        return Optional.empty();
    }

    private static String oneLine(String reason) {
        String line = reason == null || reason.isBlank() ? "no reason given" : reason.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
    }
}
