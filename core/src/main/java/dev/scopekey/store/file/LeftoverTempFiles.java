package dev.scopekey.store.file;

import dev.scopekey.port.TokenStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files that writers killed mid-write leave beside a token file: full copies of it,
 * plaintext legacy lines included. They are removed only under the token file's lock, when no
 * other writer can be under way. A failure to remove them is logged and stops nothing.
 */
final class LeftoverTempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    private final Path file;
    private final TokenFileLock lock;

    LeftoverTempFiles(Path file, TokenFileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** Removes them at open, taking the lock only if there are any, so a read-only deployment creates no lock file. */
    void removeAtOpen() {
        try {
            if (!AtomicFileWriter.leftovers(file).isEmpty()) {
                lock.locked(() -> {
                    removeHoldingTheLock();
                    return null;
                });
            }
        } catch (IOException e) {
            warnTheyStay(AtomicFileWriter.describe(e));
        } catch (TokenStoreException e) {
            warnTheyStay(e.getMessage());
        }
    }

    /** Removes them; the caller holds the lock. */
    void removeHoldingTheLock() {
        try {
            List<String> removed = AtomicFileWriter.removeLeftovers(file);
            if (!removed.isEmpty()) {
                LOG.warn("removed {} temporary file(s) that unfinished writes left beside the token file {}: {}",
                        removed.size(), file, removed);
            }
        } catch (IOException e) {
            warnTheyStay(AtomicFileWriter.describe(e));
        }
    }

    private void warnTheyStay(String reason) {
        LOG.warn("could not remove the temporary files that unfinished writes left beside the token file {}: {}",
                file, reason);
    }
}
