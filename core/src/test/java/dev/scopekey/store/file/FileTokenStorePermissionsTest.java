package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.service.MintRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTokenStorePermissionsTest {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @BeforeEach
    void needsPosixPermissions() {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Assumptions.abort("the temporary directory's file system has no POSIX permissions");
        }
    }

    private static Set<PosixFilePermission> mode(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void open_createsAMissingFile_readableByItsOwnerOnly() {
        Path tokens = dir.resolve("tokens");

        try (FileTokenStore store = FileTokenStore.open(tokens)) {
            assertEquals(OWNER_ONLY, mode(tokens));
            assertEquals(0, store.list(dev.scopekey.port.TokenQuery.all()).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-rw-rw-", "r--------", "rwxrwxrwx"})
    void write_leavesTheFileOwnerOnly_whateverModeItHadBefore(String before) throws IOException {
        Path tokens = dir.resolve("tokens");
        write(tokens, "legacy-token-abcdef\n");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString(before));

        try (FileTokenStore store = FileTokenStore.open(tokens)) {
            service(store).mint(OPERATOR, MintRequest.of("kafka:read")).value();
        }

        assertEquals(OWNER_ONLY, mode(tokens));
    }

    @Test
    void tempFile_isOwnerOnly_fromItsCreation_beforeAnyByteIsWritten() throws IOException {
        Path tokens = dir.resolve("tokens");
        List<String> seen = new ArrayList<>();
        AtomicFileWriter observed = new AtomicFileWriter(temp -> {
            try {
                seen.add(temp.getParent() + "|" + PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))
                        + "|" + Files.size(temp));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        try (FileTokenStore store = FileTokenStore.open(tokens, FileTokenStoreOptions.defaults(), observed)) {
            service(store).mint(OPERATOR, MintRequest.of("kafka:read")).value();
            service(store).mint(OPERATOR, MintRequest.of("kafka:write")).value();
        }

        assertEquals(List.of(dir.toRealPath() + "|rw-------|0", dir.toRealPath() + "|rw-------|0"), seen);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(Set.of("tokens", "tokens.lock"),
                    left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no temporary file is left behind");
        }
    }

    @Test
    void lockFile_isOwnerOnly() {
        Path tokens = dir.resolve("tokens");

        try (FileTokenStore store = FileTokenStore.open(tokens)) {
            service(store).mint(OPERATOR, MintRequest.of("kafka:read")).value();
        }

        assertTrue(Files.exists(dir.resolve("tokens.lock")));
        assertEquals(OWNER_ONLY, mode(dir.resolve("tokens.lock")));
    }
}
