package dev.scopekey.store.file;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store passes the store contract: a fresh token file per test, reopened from disk for
 * the persistence test. The file keeps instants as written by {@code Instant.toString()}, to the
 * nanosecond.
 */
class FileTokenStoreContractTest extends TokenStoreContract {
    @TempDir
    Path directory;

    @Override
    protected TokenStore newStore() {
        return FileTokenStore.open(directory.resolve("tokens"));
    }

    @Override
    protected TokenStore reopen(TokenStore store) {
        return FileTokenStore.open(((FileTokenStore) store).path());
    }

    @Override
    protected Duration timestampPrecision() {
        return Duration.ofNanos(1);
    }
}
