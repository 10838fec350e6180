package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the CLI as operators do: a separate JVM per command ({@code java -cp … ScopeKeyCli}) in a
 * working directory, with real exit code and standard streams. By default the test class path,
 * SLF4J backend included, is the child's; {@link #withoutLoggingBackend()} drops the backend, as
 * with the plain jar.
 */
final class ChildCli {
    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder allStderr = new StringBuilder();
    private boolean loggingBackend = true;

    /** What one child JVM did. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    ChildCli(Path dir) {
        this.dir = dir;
    }

    /** Runs children without the SLF4J backend, so only what the CLI itself prints reaches stderr. */
    ChildCli withoutLoggingBackend() {
        loggingBackend = false;
        return this;
    }

    /** Sets an environment variable for the children. */
    ChildCli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Everything the children wrote to stderr so far. */
    String allStderr() {
        return allStderr.toString();
    }

    Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), ScopeKeyCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(ScopeKeyCli.STORE_ENV);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the CLI did not finish: " + String.join(" ", args));
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        allStderr.append(run.err());
        return run;
    }

    private String classPath() {
        String classPath = System.getProperty("java.class.path");
        if (loggingBackend) {
            return classPath;
        }
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
