package dev.scopekey.store.file;

import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenChecks;
import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.eventually;
import static dev.scopekey.store.file.StoreFixtures.read;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FileTokenStoreReloadTest extends ClockedFileStoreTest {
    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void operatorAppend_isSeenOnceTheIntervalHasPassed_notBefore() throws IOException {
        write(tokens(), "# tokens\n");
        try (FileTokenStore store = open()) {
            append(tokens(), ADDED + "\tkafka:read\n");

            assertFalse(store.findByHash(TokenHash.hexOf(ADDED)).isPresent(), "re-checked too early");
            clock.advance(INTERVAL);

            assertTrue(store.findByHash(TokenHash.hexOf(ADDED)).isPresent());
        }
    }

    @Test
    void operatorRemoval_revokesTheTokenOnceTheIntervalHasPassed() {
        write(tokens(), "# tokens\n" + ADDED + "\tkafka:read\n");
        try (FileTokenStore store = open()) {
            TokenService service = service(store);
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());

            write(tokens(), "# tokens\n");
            clock.advance(INTERVAL);

            assertFalse(service.authenticate(ADDED, ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void operatorEdits_arePickedUpWithoutRestart_onTheSystemClock() throws IOException {
        write(tokens(), "");
        FileTokenStoreOptions options = FileTokenStoreOptions.defaults().withRecheckInterval(Duration.ofMillis(20));
        try (FileTokenStore store = FileTokenStore.open(tokens(), options)) {
            TokenService service = service(store);

            append(tokens(), ADDED + "\tkafka:read\n");
            eventually(Duration.ofSeconds(10), "the appended token is granted",
                    () -> TokenChecks.authorize(service, ADDED, "kafka:read", ClientRequest.NONE).isGranted());

            write(tokens(), "# emptied by the operator\n");
            eventually(Duration.ofSeconds(10), "the removed token is refused",
                    () -> !service.authenticate(ADDED, ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void write_appliesTheChangeToTheFreshFile_keepingAnEditNotYetRechecked() throws IOException {
        try (FileTokenStore store = open()) {
            TokenService service = service(store);
            MintedToken first = service.mint(OPERATOR, MintRequest.of("a:b")).value();
            append(tokens(), ADDED + "\tkafka:read\n");

            MintedToken second = service.mint(OPERATOR, MintRequest.of("a:c")).value();

            String[] lines = read(tokens()).split("\n");
            assertEquals(3, lines.length);
            assertTrue(lines[0].startsWith("sha256:" + first.record().prefix()));
            assertEquals(ADDED + "\tkafka:read", lines[1]);
            assertTrue(lines[2].startsWith("sha256:" + second.record().prefix()));
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted(), "the write also refreshed memory");
        }
    }

    @Test
    void write_seesAnEditThatKeptSizeAndTime_becauseItComparesContent() throws IOException {
        write(tokens(), "operator-token-a\tkafka:read\n");
        try (FileTokenStore store = open()) {
            FileTime before = Files.getLastModifiedTime(tokens());
            write(tokens(), "operator-token-b\tkafka:read\n");
            Files.setLastModifiedTime(tokens(), before);

            service(store).mint(OPERATOR, MintRequest.of("a:b")).value();

            assertTrue(read(tokens()).startsWith("operator-token-b\tkafka:read\nsha256:"), read(tokens()));
            assertTrue(store.findByHash(TokenHash.hexOf("operator-token-b")).isPresent());
            assertFalse(store.findByHash(TokenHash.hexOf("operator-token-a")).isPresent());
        }
    }

    @Test
    void missingFile_failsClosed_asUnavailable_untilItComesBack() throws IOException {
        write(tokens(), ADDED + "\tkafka:read\n");
        try (FileTokenStore store = open()) {
            TokenService service = service(store);
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());
            byte[] saved = Files.readAllBytes(tokens());

            Files.delete(tokens());
            clock.advance(INTERVAL);

            TokenStoreException e = assertThrows(TokenStoreException.class,
                    () -> store.findByHash(TokenHash.hexOf(ADDED)));
            assertTrue(e.getMessage().contains("is missing"), e.getMessage());
            assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(ADDED, ClientRequest.NONE));
            assertThrows(TokenStoreException.class, () -> service.mint(OPERATOR, MintRequest.of("a:b")));
            assertFalse(Files.exists(tokens()), "a write never re-creates a vanished file");

            Files.write(tokens(), saved);
            clock.advance(INTERVAL);
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void unreadableFile_failsClosed_asUnavailable_notWithWhatWasReadBefore() throws IOException {
        write(tokens(), ADDED + "\tkafka:read\n");
        try (FileTokenStore store = open()) {
            TokenService service = service(store);
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());

            Files.delete(tokens());
            Files.createDirectory(tokens());
            clock.advance(INTERVAL);

            TokenStoreException e = assertThrows(TokenStoreException.class,
                    () -> store.findByHash(TokenHash.hexOf(ADDED)));
            assertTrue(e.getMessage().startsWith("could not read the token file"), e.getMessage());
            assertFalse(e.getMessage().contains(ADDED));
            assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(ADDED, ClientRequest.NONE));
            TokenStoreException onWrite = assertThrows(TokenStoreException.class,
                    () -> service.mint(OPERATOR, MintRequest.of("a:b")));
            assertTrue(onWrite.getMessage().contains("nothing was written"), onWrite.getMessage());
            assertTrue(Files.isDirectory(tokens()));
        }
    }

    @Test
    void open_ofAnUnreadablePath_throws() throws IOException {
        Files.createDirectory(tokens());

        assertThrows(TokenStoreException.class, this::open);
    }

    @Test
    void reloadWithNoChange_keepsServingTheSameRecords() {
        write(tokens(), ADDED + "\tkafka:read\n");
        try (FileTokenStore store = open()) {
            byte[] before = StoreFixtures.bytes(tokens());
            clock.advance(INTERVAL);

            assertTrue(store.findByHash(TokenHash.hexOf(ADDED)).isPresent());
            assertArrayEquals(before, StoreFixtures.bytes(tokens()));
        }
    }
}
