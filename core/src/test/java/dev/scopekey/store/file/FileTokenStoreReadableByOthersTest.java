package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileTokenStore#isReadableByOthers()} tells the file's mode now, which a write makes 0600. */
class FileTokenStoreReadableByOthersTest {
    @TempDir
    Path dir;

    @Test
    void aGroupReadableFile_isReadableByOthers_untilTheNextWrite() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        try (FileTokenStore store = FileTokenStore.open(file)) {
            assertTrue(store.isReadableByOthers());

            PlainToken token = PlainToken.of("readable-test-token-0123456789");
            store.apply(TokenChange.insert(TokenRecord.minted(token, ScopeSet.parseList("a:b"), null, null,
                    Instant.EPOCH, null, null)));

            assertFalse(store.isReadableByOthers());
        }
    }
}
