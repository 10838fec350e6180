package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.stderrOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverTempFilesTest {
    @TempDir
    Path dir;

    private Path tokens() throws IOException {
        Path file = dir.toRealPath().resolve("tokens");
        Files.writeString(file, "# tokens\n");
        return file;
    }

    @Test
    void removeAtOpen_deletesALeftover_underTheLock_andSaysWhichItRemoved() throws IOException {
        Path file = tokens();
        Path leftover = file.resolveSibling(".tokens.123.tmp");
        Files.writeString(leftover, "# tokens\n");
        TokenFileLock lock = new TokenFileLock(file);

        String log = stderrOf(() -> new LeftoverTempFiles(file, lock).removeAtOpen());

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(lock.path()), "the removal takes the lock");
        assertTrue(log.contains("removed 1 temporary file(s)") && log.contains(".tokens.123.tmp"), log);
        assertEquals("# tokens\n", Files.readString(file));
    }

    @Test
    void removeAtOpen_withoutLeftovers_createsNoLockFile_andLogsNothing() throws IOException {
        Path file = tokens();
        TokenFileLock lock = new TokenFileLock(file);

        String log = stderrOf(() -> new LeftoverTempFiles(file, lock).removeAtOpen());

        assertFalse(Files.exists(lock.path()));
        assertEquals("", log);
    }

    @Test
    void removeAtOpen_whenTheLockCannotBeTaken_warnsAndKeepsTheLeftover() throws IOException {
        Path file = tokens();
        Path leftover = file.resolveSibling(".tokens.7.tmp");
        Files.writeString(leftover, "# tokens\n");
        TokenFileLock lock = new TokenFileLock(file);
        Files.createDirectory(lock.path()); // a lock file that cannot be opened for writing

        String log = stderrOf(() -> new LeftoverTempFiles(file, lock).removeAtOpen());

        assertTrue(Files.exists(leftover));
        assertTrue(log.contains("could not remove the temporary files"), log);
    }
}
