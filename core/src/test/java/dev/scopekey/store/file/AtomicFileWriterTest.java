package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void removeLeftovers_deletesTempFilesWithTheBoundaryDigitsZeroAndNine() throws IOException {
        Path target = dir.resolve("tokens");
        Files.writeString(dir.resolve(".tokens.0.tmp"), "x");
        Files.writeString(dir.resolve(".tokens.9.tmp"), "x");
        Files.writeString(dir.resolve(".tokens.1234567890.tmp"), "x");

        List<String> removed = AtomicFileWriter.removeLeftovers(target);

        assertEquals(List.of(".tokens.0.tmp", ".tokens.1234567890.tmp", ".tokens.9.tmp"),
                removed.stream().sorted().toList());
        assertFalse(Files.exists(dir.resolve(".tokens.0.tmp")));
        assertFalse(Files.exists(dir.resolve(".tokens.9.tmp")));
    }

    @Test
    void removeLeftovers_leavesNamesWithoutDigitsOrWithOtherCharactersAlone() throws IOException {
        Path target = dir.resolve("tokens");
        List<String> others = List.of(".tokens..tmp", ".tokens.12a.tmp", ".tokens.1:.tmp", ".tokens._.tmp",
                "tokens.123.tmp", ".tokens.123.tm", ".other.123.tmp", "tokens");
        for (String name : others) {
            Files.writeString(dir.resolve(name), "keep");
        }

        assertEquals(List.of(), AtomicFileWriter.removeLeftovers(target));

        for (String name : others) {
            assertTrue(Files.exists(dir.resolve(name)), name);
        }
    }

    @Test
    void removeLeftovers_leavesADirectoryNamedLikeATempFileAlone() throws IOException {
        Path target = dir.resolve("tokens");
        Files.createDirectory(dir.resolve(".tokens.42.tmp"));

        assertEquals(List.of(), AtomicFileWriter.removeLeftovers(target));
        assertTrue(Files.isDirectory(dir.resolve(".tokens.42.tmp")));
    }

    @Test
    void write_replacesTheContent_andLeavesNoTempFileBehind() throws IOException {
        Path target = dir.resolve("tokens");
        Files.writeString(target, "old\n");
        AtomicFileWriter writer = new AtomicFileWriter();

        assertTrue(writer.write(target, "new\n".getBytes(), FileStamp.of(target)));

        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of(), AtomicFileWriter.leftovers(target));
    }

    @Test
    void write_refusesWhenTheStampChanged_andDeletesItsTempFile() throws IOException {
        Path target = dir.resolve("tokens");
        Files.writeString(target, "old\n");
        FileStamp stale = FileStamp.of(target);
        Files.writeString(target, "changed by an editor\n");
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(0));

        assertFalse(new AtomicFileWriter().write(target, "new\n".getBytes(), stale));

        assertEquals("changed by an editor\n", Files.readString(target));
        assertEquals(List.of(), AtomicFileWriter.leftovers(target));
    }

    @Test
    void describe_namesTheExceptionKind_whenThereIsNoMessage() {
        assertEquals("IOException", AtomicFileWriter.describe(new IOException()));
    }

    @Test
    void describe_addsTheKindToAFileSystemExceptionWithoutReason() {
        assertEquals("AccessDeniedException /x/tokens",
                AtomicFileWriter.describe(new AccessDeniedException("/x/tokens")));
        assertEquals("NoSuchFileException /x/tokens",
                AtomicFileWriter.describe(new NoSuchFileException("/x/tokens")));
    }

    @Test
    void describe_usesTheMessageAsIs_whenTheOsGaveAReason() {
        FileSystemException withReason = new FileSystemException("/x/tokens", null, "No space left on device");
        assertEquals(withReason.getMessage(), AtomicFileWriter.describe(withReason));
        assertEquals("disk on fire", AtomicFileWriter.describe(new IOException("disk on fire")));
    }
}
