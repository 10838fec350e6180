package dev.scopekey.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A container's own working directory for one deployment: under the build's {@code target/}
 * when the tests run in a Maven module, else in the temp folder; deleted when the container stops.
 */
final class ScratchDirectory {
    private ScratchDirectory() {
    }

    static Path create() {
        try {
            Path target = Path.of("target");
            return Files.isDirectory(target) ? Files.createTempDirectory(target.toAbsolutePath(), "scopekey-http-")
                    : Files.createTempDirectory("scopekey-http-");
        } catch (IOException e) {
            throw new UncheckedIOException("no scratch directory for the web application", e);
        }
    }

    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a scratch directory left behind is harmless
        }
    }
}
