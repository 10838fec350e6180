package dev.scopekey.testkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real test run in a child JVM, with this module's jar on its class path as the other modules
 * have it: the report is registered by its service file alone and writes to the process's
 * standard error, one line per test class and reason, with the counts.
 */
class SkippedTestsReportTest {
    private static String stderr;

    @BeforeAll
    static void runTheSamples() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SampleRun.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the sample run did not end");
        assertEquals(0, child.exitValue(), stderr);
    }

    @Test
    void skippedTests_areCountedAgainstEveryTestOfTheRun() {
        assertTrue(stderr.contains("Skipped 7 of 8 tests, by test class and reason:"), stderr);
    }

    @Test
    void eachTestClassAndReason_isOneLine_withItsCount_andTheReasonOnOneLine() {
        List<String> lines = stderr.lines().filter(l -> l.startsWith("  ")).toList();

        assertEquals(3, lines.size(), stderr);
        assertEquals("     2  AbortingSample.WithoutItsFixture: no fixture here", lines.get(0));
        assertEquals("     2  AbortingSample: SAMPLE_SERVER_URL is not set: the sample needs a server", lines.get(1));
        assertTrue(lines.get(2).startsWith("     3  DisabledSample: ") && lines.get(2).endsWith("sample.never.set is not yes"),
                lines.get(2));
    }

    @Test
    void testsThatRan_areNotListed() {
        assertFalse(stderr.contains("passes"), stderr);
    }
}
