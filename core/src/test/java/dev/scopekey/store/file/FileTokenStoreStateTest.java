package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.read;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.stderrOf;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a file store says about itself, and how it edits a token's metadata in place. */
class FileTokenStoreStateTest extends ClockedFileStoreTest {
    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void update_rewritesTheMetadataOnDisk_keepsTheRevocation_andAnUnknownHashChangesNothing() {
        try (FileTokenStore store = open(INTERVAL)) {
            TokenService service = service(store);
            MintedToken token = service.mint(OPERATOR, MintRequest.of("kafka:read")).value();
            String hash = TokenHash.hexOf(token.token().reveal());
            assertTrue(service.revoke(OPERATOR, token.record().prefix()).isDone());

            Optional<TokenRecord> updated = store.update(hash, TokenUpdate.none().name("renamed"));

            assertEquals("renamed", updated.orElseThrow().name());
            assertNotNull(updated.get().revokedAt(), "an update keeps the revocation");
            String onDisk = read(tokens());
            assertEquals(Optional.empty(), store.update(TokenHash.hexOf("no-such-token-000"), TokenUpdate.none().name("x")));
            assertEquals(onDisk, read(tokens()));
        }
        try (FileTokenStore reopened = open(INTERVAL)) {
            TokenRecord record = reopened.list(dev.scopekey.port.TokenQuery.all()).get(0);
            assertEquals("renamed", record.name());
            assertNotNull(record.revokedAt());
        }
    }

    @Test
    void statisticsAndText_countTheTokens_andSayUnavailable_whileTheFileCannotBeRead() throws IOException {
        try (FileTokenStore store = open(INTERVAL)) {
            TokenService service = service(store);
            service.mint(OPERATOR, MintRequest.of("kafka:read")).value();
            service.mint(OPERATOR, MintRequest.of("kafka:write")).value();

            assertEquals(2, store.statistics().orElseThrow().size());
            assertEquals("FileTokenStore[" + store.path() + ", 2 tokens]", store.toString());
            assertEquals(tokens().toRealPath(), store.path().toRealPath());

            Files.delete(tokens());
            clock.advance(INTERVAL);
            assertThrows(TokenStoreException.class, () -> store.findByHash(TokenHash.hexOf(ADDED)));

            assertEquals(0, store.statistics().orElseThrow().size());
            assertEquals("FileTokenStore[" + store.path() + ", unavailable]", store.toString());
        }
    }

    @Test
    void aRecheckIntervalBeyondMilliseconds_neverRechecks_andOpensWithoutOverflow() throws IOException {
        write(tokens(), "# tokens\n");
        try (FileTokenStore store = open(Duration.ofSeconds(Long.MAX_VALUE))) {
            Files.writeString(tokens(), ADDED + "\tkafka:read\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            clock.advance(Duration.ofDays(36_500));

            assertFalse(store.findByHash(TokenHash.hexOf(ADDED)).isPresent(), "re-checked before the interval ended");
        }
    }

    @Test
    void aFileThatCannotBeRead_isLoggedOnceAsItFails_andOnceWhenALookupOrAWriteReadsItAgain() throws IOException {
        write(tokens(), ADDED + "\tkafka:read\n");
        byte[] saved = Files.readAllBytes(tokens());
        try (FileTokenStore store = open(INTERVAL)) {
            TokenService service = service(store);
            String failing = stderrOf(() -> {
                try {
                    Files.delete(tokens());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                for (int i = 0; i < 2; i++) {
                    clock.advance(INTERVAL);
                    assertThrows(TokenStoreException.class, () -> store.findByHash(TokenHash.hexOf(ADDED)));
                }
            });
            assertEquals(1, count(failing, "token lookups fail until it can be read again"), failing);

            Files.write(tokens(), saved);
            clock.advance(INTERVAL);
            String back = stderrOf(() -> assertTrue(store.findByHash(TokenHash.hexOf(ADDED)).isPresent()));
            assertEquals(1, count(back, "can be read again (1 tokens)"), back);
            assertEquals(0, count(back, "token lookups fail"), back);

            Files.delete(tokens());
            clock.advance(INTERVAL);
            stderrOf(() -> assertThrows(TokenStoreException.class, () -> store.findByHash(TokenHash.hexOf(ADDED))));
            Files.write(tokens(), saved);
            String byWrite = stderrOf(() -> service.mint(OPERATOR, MintRequest.of("a:b")).value());
            assertEquals(1, count(byWrite, "can be read again (2 tokens)"), byWrite);
            String steady = stderrOf(() -> service.mint(OPERATOR, MintRequest.of("a:c")).value());
            assertEquals(0, count(steady, "can be read again"), steady);
        }
    }

    @Test
    void opening_warnsOfAFileOthersMayRead_andRemovesWhatAnUnfinishedWriteLeft() throws IOException {
        write(tokens(), ADDED + "\tkafka:read\n");
        Files.setPosixFilePermissions(tokens(), PosixFilePermissions.fromString("rw-r--r--"));
        Path leftover = tokens().resolveSibling(".tokens.123.tmp");
        Files.writeString(leftover, ADDED + "\tkafka:read\n");

        String log = stderrOf(() -> open(INTERVAL).close());

        assertTrue(log.contains("is readable by group or others"), log);
        assertFalse(Files.exists(leftover), "the leftover is removed at open");
    }

    @Test
    void aWrite_removesWhatAnUnfinishedWriteLeftMeanwhile() throws IOException {
        try (FileTokenStore store = open(INTERVAL)) {
            Path leftover = tokens().resolveSibling(".tokens.456.tmp");
            Files.writeString(leftover, "partial copy\n");

            service(store).mint(OPERATOR, MintRequest.of("a:b")).value();

            assertFalse(Files.exists(leftover), "the leftover is removed by the next write");
        }
    }

    @Test
    void lookupsOnOneThread_leaveTheStoreWritableFromAnother() throws Exception {
        write(tokens(), ADDED + "\tkafka:read\n");
        try (FileTokenStore store = open(INTERVAL)) {
            clock.advance(INTERVAL.plusMillis(1));
            assertTrue(store.findByHash(TokenHash.hexOf(ADDED)).isPresent(), "a lookup that re-checks the file");

            java.util.concurrent.CompletableFuture<Void> write = java.util.concurrent.CompletableFuture.runAsync(
                    () -> service(store).mint(OPERATOR, MintRequest.of("a:b")).value());

            write.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(2, store.list(dev.scopekey.port.TokenQuery.all()).size());
        }
    }
}
