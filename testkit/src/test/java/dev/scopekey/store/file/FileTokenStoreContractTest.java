package dev.scopekey.store.file;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store passes the store contract: a fresh token file per test, reopened from disk for
 * the persistence test, or a file written line by line for records that share a display prefix.
 * The file keeps instants as written by {@code Instant.toString()}, to the nanosecond.
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

    /** A token file with one {@code sha256:} line per record, as an operator may write it. */
    @Override
    protected TokenStore newStoreHolding(List<TokenRecord> records) throws IOException {
        StringBuilder lines = new StringBuilder("# records, some sharing a display prefix\n");
        for (TokenRecord record : records) {
            lines.append(TokenLineWriter.freshLine(record)).append('\n');
        }
        Path file = directory.resolve("holding");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return FileTokenStore.open(file);
    }

    @Override
    protected Duration timestampPrecision() {
        return Duration.ofNanos(1);
    }
}
