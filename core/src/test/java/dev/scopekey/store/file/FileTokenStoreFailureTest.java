package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.service;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes that really fail: a full tmpfs, an immutable file or directory. Root ignores
 * permission bits, so these are the failures that hold even as root. Where the machine cannot
 * mount or set attributes the tests report themselves skipped.
 */
class FileTokenStoreFailureTest {
    @TempDir
    Path dir;

    private FileTokenStore store;
    private Path mounted;
    private Path immutable;

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
        if (immutable != null) {
            Commands.run("chattr", "-i", immutable.toString());
        }
        if (mounted != null && !Commands.run("umount", mounted.toString()).ok()) {
            Commands.run("umount", "-l", mounted.toString());
        }
    }

    /** The state a failed write must leave exactly as it was. */
    private record Before(byte[] bytes, List<TokenRecord> records) {
    }

    private Before capture(Path tokens) throws IOException {
        return new Before(Files.readAllBytes(tokens), store.list(TokenQuery.all()));
    }

    private void assertUnchanged(Before before, Path tokens, TokenStoreException failure, MintedToken... secrets)
            throws IOException {
        assertTrue(failure.getMessage().startsWith("could not write the token file " + tokens),
                failure.getMessage());
        for (MintedToken secret : secrets) {
            assertFalse(failure.getMessage().contains(secret.token().reveal()), "no secret in the message");
        }
        assertArrayEquals(before.bytes(), Files.readAllBytes(tokens), "the file is byte-identical");
        assertEquals(before.records(), store.list(TokenQuery.all()), "memory is unchanged");
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void fullFileSystem_failsMintRevokeAndLastUse_changingNothing() throws IOException {
        Path mountPoint = Files.createDirectory(dir.resolve("small"));
        Commands.Result mount = Commands.run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs",
                mountPoint.toString());
        if (!mount.ok()) {
            Assumptions.abort("cannot mount a tmpfs here (needs root and mount rights): " + mount.output());
        }
        mounted = mountPoint;
        Path tokens = mountPoint.resolve("tokens");
        store = FileTokenStore.open(tokens);
        TokenService service = service(store);
        MintedToken first = service.mint(OPERATOR, MintRequest.of("kafka:read")).value();
        MintedToken second = service.mint(OPERATOR, MintRequest.of("kafka:write")).value();
        assertTrue(service.authenticate(first.token().reveal(), ClientRequest.NONE).isGranted());
        fill(mountPoint.resolve("filler"));
        Before before = capture(tokens);

        TokenStoreException onMint = assertThrows(TokenStoreException.class,
                () -> service.mint(OPERATOR, MintRequest.of("a:b")));
        assertTrue(onMint.getMessage().contains("No space left on device"), onMint.getMessage());
        assertUnchanged(before, tokens, onMint, first, second);

        TokenStoreException onRevoke = assertThrows(TokenStoreException.class,
                () -> service.revoke(OPERATOR, first.record().prefix()));
        assertUnchanged(before, tokens, onRevoke, first, second);
        assertTrue(service.authenticate(first.token().reveal(), ClientRequest.NONE).isGranted(), "still live: the revoke failed");

        assertFalse(service.flushLastUsed(), "the last-use flush fails and stays pending");
        assertArrayEquals(before.bytes(), Files.readAllBytes(tokens));
        assertEquals(Set.of("tokens", "tokens.lock", "filler"), names(mountPoint), "no temporary file is left");

        Files.delete(mountPoint.resolve("filler"));
        assertTrue(service.revoke(OPERATOR, first.record().prefix()).isDone(), "works again once there is room");
        assertFalse(service.authenticate(first.token().reveal(), ClientRequest.NONE).isGranted());
    }

    @ParameterizedTest(name = "immutable {0}")
    @ValueSource(strings = {"file", "directory"})
    void immutableFileOrDirectory_failsMintAndRevoke_changingNothing(String what) throws IOException {
        Path tokens = dir.resolve("tokens");
        store = FileTokenStore.open(tokens);
        TokenService service = service(store);
        MintedToken first = service.mint(OPERATOR, MintRequest.of("kafka:read")).value();
        Path target = what.equals("file") ? tokens : dir;
        Commands.Result chattr = Commands.run("chattr", "+i", target.toString());
        if (!chattr.ok()) {
            Assumptions.abort("cannot make a file immutable here (needs root and chattr support): "
                    + chattr.output());
        }
        immutable = target;
        Before before = capture(tokens);

        TokenStoreException onMint = assertThrows(TokenStoreException.class,
                () -> service.mint(OPERATOR, MintRequest.of("a:b")));
        assertUnchanged(before, tokens, onMint, first);

        TokenStoreException onRevoke = assertThrows(TokenStoreException.class,
                () -> service.revoke(OPERATOR, first.record().prefix()));
        assertUnchanged(before, tokens, onRevoke, first);
        assertTrue(service.authenticate(first.token().reveal(), ClientRequest.NONE).isGranted());
        assertEquals(Set.of("tokens", "tokens.lock"), names(dir), "no temporary file is left");
    }

    /** Writes until the file system is full, and checks it really filled up. */
    private static void fill(Path filler) {
        byte[] chunk = new byte[1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (written < 64L * 1024 * 1024) {
                out.write(chunk);
                out.flush();
                written += chunk.length;
            }
        } catch (IOException full) {
            if (String.valueOf(full.getMessage()).contains("No space left")) {
                return;
            }
            fail("filling the tmpfs failed otherwise: " + full);
        }
        fail("the tmpfs never filled up: its size limit did not hold");
    }
}
