package dev.scopekey.store.file;

import dev.scopekey.port.TokenStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replaces a file's content all at once: a temporary file in the same directory, created
 * readable by its owner only, is written and flushed to disk, renamed over the file, and the
 * directory is flushed too. A reader sees the old content or the new, never a mix; a failure
 * leaves the file as it was. Thread-safe; callers serialise writes to one file themselves.
 *
 * <p>The temporary file of {@code <name>} is {@code .<name>.<digits>.tmp}. A write killed
 * mid-way (kill -9, power loss) leaves it behind, a full copy of the file;
 * {@link #removeLeftovers} deletes such files.
 */
final class AtomicFileWriter {
    /** Owner read and write only: {@code 0600}. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String TEMP_SUFFIX = ".tmp";

    private final Consumer<Path> onTempCreated;

    AtomicFileWriter() {
        this(temp -> { });
    }

    /** A writer that shows each temporary file, just created and still empty, to {@code onTempCreated}. */
    AtomicFileWriter(Consumer<Path> onTempCreated) {
        this.onTempCreated = onTempCreated;
    }

    /**
     * Makes {@code bytes} the content of {@code target}, with mode {@code 0600} where the file
     * system has POSIX permissions, unless {@code target} no longer has the stamp {@code expected}
     * it had when it was read: then someone who does not take the lock (an editor that saves by
     * rename) replaced or changed it meanwhile, and nothing is written. The stamp is compared
     * just before the rename, which leaves a window of microseconds rather than the whole write.
     *
     * @return whether the file was written; {@code false} if it had changed
     * @throws TokenStoreException if any step fails; the target is then unchanged
     */
    boolean write(Path target, byte[] bytes, FileStamp expected) {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = createTemp(directory, target.getFileName().toString());
            onTempCreated.accept(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!FileStamp.of(target).equals(expected)) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(directory);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw new TokenStoreException("could not write the token file " + target + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Creates an empty file readable by its owner only, failing if it exists. */
    static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Deletes the temporary files of this writer's naming beside {@code target} and returns their
     * names. A write under way has such a file too: call this only while holding the lock that
     * serialises the writers of {@code target}. Leaves everything else alone, directories and
     * files of other names included.
     *
     * @throws IOException if the directory cannot be listed or a file cannot be deleted
     */
    static List<String> removeLeftovers(Path target) throws IOException {
        List<Path> leftovers = leftovers(target);
        List<String> removed = new ArrayList<>(leftovers.size());
        for (Path leftover : leftovers) {
            if (Files.deleteIfExists(leftover)) {
                removed.add(leftover.getFileName().toString());
            }
        }
        return removed;
    }

    /** The regular files beside {@code target} named as this writer names its temporary files. */
    static List<Path> leftovers(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String prefix = tempPrefix(target.getFileName().toString());
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> isTempName(prefix, entry.getFileName().toString()))) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /** Whether {@code name} is {@code prefix}, decimal digits and {@value #TEMP_SUFFIX}: how the JDK names temp files. */
    private static boolean isTempName(String prefix, String name) {
        if (name.length() <= prefix.length() + TEMP_SUFFIX.length()
                || !name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) {
            return false;
        }
        return name.substring(prefix.length(), name.length() - TEMP_SUFFIX.length()).chars()
                .allMatch(c -> c >= '0' && c <= '9');
    }

    private static String tempPrefix(String name) {
        return "." + name + ".";
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        String prefix = tempPrefix(name);
        if (!isPosix(directory)) {
            return Files.createTempFile(directory, prefix, TEMP_SUFFIX);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path temp = Files.createTempFile(directory, prefix, TEMP_SUFFIX, ownerOnly);
        // the creation mode is masked by the umask; make it exactly 0600 before any byte is written
        Files.setPosixFilePermissions(temp, OWNER_ONLY);
        return temp;
    }

    static boolean isPosix(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Flushes the directory entry of the rename; a no-op where directories cannot be opened. */
    private static void forceDirectory(Path directory) throws IOException {
        if (!isPosix(directory)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** What went wrong, in words: the reason the OS gave, or the kind of failure and the path. */
    static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() == null) {
            return e.getClass().getSimpleName() + " " + message;
        }
        return message;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the failure that brought us here is what the caller hears about
        }
    }
}
