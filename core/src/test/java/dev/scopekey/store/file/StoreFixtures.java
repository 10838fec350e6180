package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.fail;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.TokenService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Shared helpers for the file-store tests. */
final class StoreFixtures {
    static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    private StoreFixtures() {
    }

    /** A service over {@code store} that flushes last use only when asked. */
    static TokenService service(TokenStore store) {
        return TokenService.builder(store).audit(AuditSink.discarding()).lastUsedFlushInterval(null).build();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A builder for a child JVM that runs {@code main} with this test's class path. */
    static ProcessBuilder childJvm(Class<?> main, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** What {@code action} wrote to standard error, where the test log (slf4j-simple) goes. */
    static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Polls {@code condition} every few milliseconds until it holds or {@code limit} passes. */
    static void eventually(Duration limit, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("within " + limit + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + what);
            }
        }
    }
}
