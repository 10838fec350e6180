package dev.scopekey.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The demo launcher in a child JVM on the tests' class path, as {@code java -jar scopekey-demo.jar} runs it. */
final class DemoProcess {
    private DemoProcess() {
    }

    /** A child JVM running {@code DemoLauncher} with {@code args} in {@code workingDir}, stderr to {@code stderr}. */
    static Process start(Path workingDir, Path stderr, String... args) throws IOException {
        return java(workingDir, DemoLauncher.class.getName(), args)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
    }

    /** A child JVM running {@code mainClass} with {@code args} on the tests' class path. */
    static ProcessBuilder java(Path workingDir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile());
    }

    /** What a short-lived child printed and how it ended. */
    record Ended(int exitCode, String stdout, String stderr) {
    }

    /** Runs a launcher that is expected to end by itself within a minute. */
    static Ended run(Path workingDir, String... args) throws Exception {
        Path out = Files.createTempFile(workingDir, "stdout", ".log");
        Path err = Files.createTempFile(workingDir, "stderr", ".log");
        Process process = java(workingDir, DemoLauncher.class.getName(), args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the demo kept running with " + List.of(args));
        }
        return new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
