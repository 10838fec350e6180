package dev.scopekey.store.file;

import dev.scopekey.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;

/** A file store in a fresh directory that re-checks its file by a clock only the test moves. */
abstract class ClockedFileStoreTest {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** A token an operator writes into the file by hand. */
    static final String ADDED = "added-by-operator-1";

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));

    Path tokens() {
        return dir.resolve("tokens");
    }

    FileTokenStore open() {
        return open(INTERVAL);
    }

    FileTokenStore open(Duration interval) {
        return FileTokenStore.open(tokens(),
                FileTokenStoreOptions.defaults().withRecheckInterval(interval).withClock(clock));
    }
}
