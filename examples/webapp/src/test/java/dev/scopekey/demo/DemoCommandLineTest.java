package dev.scopekey.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's command line in a child JVM: {@code --help} is an answer, not an error, and a
 * port it cannot use is one line on stderr and a failing exit code, never a stack trace, and
 * leaves no token file behind.
 */
class DemoCommandLineTest {
    @TempDir
    Path workingDir;

    @Test
    void help_printsTheUsageOnStdout_andExitsZero() throws Exception {
        DemoProcess.Ended help = DemoProcess.run(workingDir, "--help");

        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("--port"), help.stdout());
        assertEquals("", help.stderr());
    }

    @Test
    void busyPort_isOneLineOnStderr_andExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());

            DemoProcess.Ended busy = DemoProcess.run(workingDir, "--port", port);

            assertEquals(1, busy.exitCode(), busy.stderr());
            assertOneLineWithoutStackTrace(busy.stderr());
            assertTrue(busy.stderr().contains(port), busy.stderr());
            assertFalse(Files.exists(workingDir.resolve("scopekey-tokens")), "a token file was created");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eighty", "65536", "-1", ""})
    void badPort_isOneLineOnStderr_andExitCodeTwo(String port) throws Exception {
        DemoProcess.Ended bad = DemoProcess.run(workingDir, "--port", port);

        assertEquals(2, bad.exitCode(), bad.stderr());
        assertOneLineWithoutStackTrace(bad.stderr());
        assertTrue(bad.stderr().contains("--port"), bad.stderr());
    }

    @Test
    void portWithoutAValue_isOneLineOnStderr_andExitCodeTwo() throws Exception {
        DemoProcess.Ended bad = DemoProcess.run(workingDir, "--port");

        assertEquals(2, bad.exitCode(), bad.stderr());
        assertOneLineWithoutStackTrace(bad.stderr());
    }

    private static void assertOneLineWithoutStackTrace(String stderr) {
        assertEquals(1, stderr.lines().count(), "stderr: " + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "stderr: " + stderr);
        assertNotEquals("", stderr.strip());
    }
}
