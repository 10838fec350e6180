package dev.scopekey.store.file;

import dev.scopekey.port.TokenStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises writers of one token file: a lock shared by every store of this JVM on that file,
 * then an exclusive OS lock on a lock file beside it, so other processes wait too. The lock
 * file is created on first use ({@code 0600}) and never deleted, since deleting it would let
 * two writers lock different files.
 */
final class TokenFileLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock inProcess;

    /** The lock for {@code file} (an absolute, real path): {@code <file>.lock} beside it. */
    TokenFileLock(Path file) {
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.inProcess = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    }

    Path path() {
        return lockFile;
    }

    /** Takes the in-process part without waiting, for readers that may skip their work. */
    boolean tryLockInProcess() {
        return inProcess.tryLock();
    }

    void unlockInProcess() {
        inProcess.unlock();
    }

    /**
     * Runs {@code action} holding both locks.
     *
     * @throws TokenStoreException if the lock file cannot be opened or locked
     */
    <T> T locked(Supplier<T> action) {
        inProcess.lock();
        try (FileChannel channel = open()) {
            channel.lock(); // released when the channel closes
            return action.get();
        } catch (IOException e) {
            throw new TokenStoreException("could not lock the token file with " + lockFile + ": "
                    + AtomicFileWriter.describe(e), e);
        } finally {
            inProcess.unlock();
        }
    }

    private FileChannel open() throws IOException {
        if (AtomicFileWriter.isPosix(lockFile.getParent())) {
            return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFileWriter.OWNER_ONLY));
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
