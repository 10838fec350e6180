package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of one token file: held by one thread at a time, and free again once that thread is done. */
class TokenFileLockTest {
    @TempDir
    Path dir;

    private TokenFileLock lock() throws Exception {
        return new TokenFileLock(dir.toRealPath().resolve("tokens"));
    }

    /** Whether another thread could take the in-process part now (it lets go at once if it could). */
    private static boolean freeForAnotherThread(TokenFileLock lock) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            boolean taken = lock.tryLockInProcess();
            if (taken) {
                lock.unlockInProcess();
            }
            return taken;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void locked_runsTheAction_returnsItsResult_andLetsGoAfterwards() throws Exception {
        TokenFileLock lock = lock();

        assertEquals("done", lock.locked(() -> "done"));
        assertTrue(freeForAnotherThread(lock), "the lock is free once the action is done");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.path())));
        assertEquals(dir.toRealPath().resolve("tokens.lock"), lock.path());
    }

    @Test
    void aReader_skipsItsWork_whileAWriterOfTheSameFileHoldsTheLock() throws Exception {
        TokenFileLock writer = lock();
        TokenFileLock reader = lock();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> writer.locked(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        assertFalse(reader.tryLockInProcess(), "a second store on the same file shares the lock");
        release.countDown();
        write.get(10, TimeUnit.SECONDS);
        assertTrue(freeForAnotherThread(reader));
    }

    @Test
    void tryLockInProcess_holdsTheLockUntilUnlocked() throws Exception {
        TokenFileLock lock = lock();

        assertTrue(lock.tryLockInProcess());
        assertFalse(freeForAnotherThread(lock), "held by this thread");
        lock.unlockInProcess();
        assertTrue(freeForAnotherThread(lock), "free after the unlock");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
