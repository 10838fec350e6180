package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak guard over real HTTP, in a child JVM per SLF4J set-up: no provider (SLF4J would drop
 * every line, so the guard must refuse to vouch for the test), slf4j-simple, and Logback with its
 * default configuration (everything at DEBUG, to the console). The application's leak is caught
 * under both providers, and the harness's own Jetty, which logs request headers at DEBUG, is
 * never reported.
 */
class SecretLeakGuardProvidersTest {
    private static final String SIMPLE = System.getProperty("scopekey.test.slf4j-simple");
    private static final String LOGBACK = System.getProperty("scopekey.test.logback");

    @TempDir
    Path directory;

    @Test
    void withoutAProvider_everyGuardedTestFails_sayingTheGuardCannotSeeTheLogs() throws Exception {
        Map<String, String> results = probe(classPath -> without(classPath, SIMPLE));
        assertTrue(results.get("leakyServlet").contains("no SLF4J provider"), results.toString());
        assertTrue(results.get("cleanServlet").contains("no SLF4J provider"), results.toString());
    }

    @Test
    void withSlf4jSimple_aServletLoggingTheToken_isCaught_andACleanOnePasses() throws Exception {
        Map<String, String> results = probe(classPath -> classPath);
        assertCaughtOnlyTheLeak(results);
    }

    @Test
    void withLogbackAtDebug_aServletLoggingTheToken_isCaught_andACleanOnePasses() throws Exception {
        Map<String, String> results = probe(classPath -> without(classPath, SIMPLE) + File.pathSeparator + LOGBACK);
        assertCaughtOnlyTheLeak(results);
    }

    private static void assertCaughtOnlyTheLeak(Map<String, String> results) {
        assertTrue(results.get("leakyServlet").startsWith("FAILED AssertionFailedError: SecretLeakGuard: the token"),
                results.toString());
        assertEquals("SUCCESSFUL", results.get("cleanServlet"), results.toString());
    }

    /** Runs {@link LogProbe} on the test class path as changed; its results by test name. */
    private Map<String, String> probe(Function<String, String> classPath) throws IOException, InterruptedException {
        assertTrue(SIMPLE != null && LOGBACK != null, "the build passes the providers' jars to the tests");
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path results = directory.resolve("results");
        Path output = directory.resolve("output");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.apply(testClassPath), LogProbe.class.getName(), results.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the probe finished");
        assertEquals(0, child.exitValue(), "the probe's exit status");
        return Files.readAllLines(results, StandardCharsets.UTF_8).stream().map(line -> line.split(" ", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    private static String without(String classPath, String jar) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.equals(jar))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
