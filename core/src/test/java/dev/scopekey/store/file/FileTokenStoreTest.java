package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.read;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenChecks;
import dev.scopekey.service.TokenService;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {
    @TempDir
    Path dir;

    private Path tokens() {
        return dir.resolve("tokens");
    }

    @Test
    void mint_writesAHashedLine_neverThePlaintext_andASecondStoreReadsIt() {
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            MintedToken minted = service(store).mint(OPERATOR,
                    MintRequest.of("kafka:read").named("ci").forSubject("user-1")).value();

            String text = read(tokens());
            assertFalse(text.contains(minted.token().reveal()));
            assertTrue(text.startsWith("sha256:" + minted.record().prefix() + ":" + minted.token().hash()
                    + "\tkafka:read\tci\t"), text);
            assertTrue(text.contains("\tsubject=user-1\tby=cli"), text);
            try (FileTokenStore other = FileTokenStore.open(tokens())) {
                AuthDecision decision = TokenChecks.authorize(service(other), minted.token().reveal(), "kafka:read", ClientRequest.NONE);
                assertTrue(decision.isGranted(), decision.toString());
            }
        }
    }

    @Test
    void revoke_writesRevokedAndWho_andTheTokenIsDenied() {
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            TokenService service = service(store);
            MintedToken minted = service.mint(OPERATOR, MintRequest.of("kafka:read")).value();

            service.revoke(OPERATOR, minted.record().prefix()).value();

            assertTrue(read(tokens()).matches("(?s).*\trevoked=[0-9T:.Z-]+\trevokedBy=cli\n"), read(tokens()));
            AuthDecision decision = service(FileTokenStore.open(tokens())).authenticate(minted.token().reveal(), ClientRequest.NONE);
            assertEquals(DenialReason.REVOKED, ((AuthDecision.Denied) decision).reason());
        }
    }

    @Test
    void rotate_addsTheSuccessor_retiresTheOld_andLeavesOtherLinesAlone() {
        write(tokens(), "# operator notes\nlegacy-token-abcdef\n");
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            TokenService service = service(store);
            MintedToken old = service.mint(OPERATOR, MintRequest.of("kafka:read").named("job")).value();

            MintedToken successor = service.rotate(OPERATOR, old.record().prefix(), Duration.ZERO).value();

            String[] lines = read(tokens()).split("\n");
            assertEquals(4, lines.length);
            assertEquals("# operator notes", lines[0]);
            assertEquals("legacy-token-abcdef", lines[1]);
            assertTrue(lines[2].startsWith("sha256:" + old.record().prefix() + ":"));
            assertTrue(lines[2].contains("\trevoked="));
            assertTrue(lines[3].startsWith("sha256:" + successor.record().prefix() + ":" + successor.token().hash()
                    + "\tkafka:read\tjob\t"));
            assertFalse(service.authenticate(old.token().reveal(), ClientRequest.NONE).isGranted());
            assertTrue(service.authenticate(successor.token().reveal(), ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void plaintextOperatorLine_grantsItsScopes_only() {
        write(tokens(), "operator-written-token\tkafka:read,workspaces:w42:*\tbuild\n");
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            TokenService service = service(store);

            assertTrue(TokenChecks.authorize(service, "operator-written-token", "workspaces:w42:write", ClientRequest.NONE).isGranted());
            assertTrue(TokenChecks.authorize(service, "operator-written-token", "kafka:read", ClientRequest.NONE).isGranted());
            assertFalse(TokenChecks.authorize(service, "operator-written-token", "kafka:write", ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void legacyLine_grantsEverything_asARootStoreToken() {
        write(tokens(), "old-style-root-token\n");
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            AuthDecision decision = TokenChecks.authorize(service(store), "old-style-root-token", "anything:at:all", ClientRequest.NONE);

            assertTrue(decision.isGranted());
            assertTrue(((AuthDecision.Granted) decision).principal().isRoot());
        }
    }

    @Test
    void collidingLegacyPrefixes_bothLoad_andRevokingThePrefixIsRefusedAsAmbiguous() {
        String text = "abcdefgh-first-token\nabcdefgh-second-token\n";
        write(tokens(), text);
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            TokenService service = service(store);

            assertEquals(2, store.findByPrefix("abcdefgh").size());
            assertTrue(service.authenticate("abcdefgh-first-token", ClientRequest.NONE).isGranted());
            assertTrue(service.authenticate("abcdefgh-second-token", ClientRequest.NONE).isGranted());
            assertEquals(Refusal.Kind.CONFLICT, service.revoke(OPERATOR, "abcdefgh").refusal().kind());
            assertEquals(text, read(tokens()));
        }
    }

    @Test
    void recordUse_writesUsedForEveryTokenOfTheBatch_inOneWrite() {
        AtomicInteger writes = new AtomicInteger();
        AtomicFileWriter counting = new AtomicFileWriter(temp -> writes.incrementAndGet());
        try (FileTokenStore store = FileTokenStore.open(tokens(), FileTokenStoreOptions.defaults(), counting)) {
            TokenService service = service(store);
            List<MintedToken> minted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                minted.add(service.mint(OPERATOR, MintRequest.of("kafka:read")).value());
            }
            minted.forEach(m -> assertTrue(service.authenticate(m.token().reveal(), ClientRequest.NONE).isGranted()));
            int before = writes.get();

            assertTrue(service.flushLastUsed());

            assertEquals(before + 1, writes.get());
            assertEquals(3, read(tokens()).split("\tused=", -1).length - 1, read(tokens()));
            minted.forEach(m -> assertNotNull(store.findByHash(m.token().hash()).orElseThrow().lastUsedAt()));
        }
    }

    @Test
    void recordUse_ofALegacyToken_keepsTheLineBare_andRemembersTheUseInMemory() {
        write(tokens(), "legacy-token-abcdef\n");
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            TokenService service = service(store);
            assertTrue(service.authenticate("legacy-token-abcdef", ClientRequest.NONE).isGranted());

            assertTrue(service.flushLastUsed());

            assertEquals("legacy-token-abcdef\n", read(tokens()));
            TokenRecord record = store.findByHash(TokenHash.hexOf("legacy-token-abcdef")).orElseThrow();
            assertNotNull(record.lastUsedAt());
        }
    }

    @Test
    void recordUse_neverMovesATimeBackwards() {
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            MintedToken minted = service(store).mint(OPERATOR, MintRequest.of("kafka:read")).value();
            String hash = minted.token().hash();
            Instant later = minted.record().createdAt().plusSeconds(60);
            store.recordUse(Map.of(hash, later));
            String afterFirst = read(tokens());

            store.recordUse(Map.of(hash, later.minusSeconds(30)));

            assertEquals(afterFirst, read(tokens()));
            assertEquals(later, store.findByHash(hash).orElseThrow().lastUsedAt());
        }
    }

    @Test
    void malformedLines_areReportedByNumber_andKeptByteForByteThroughAWrite() {
        String text = "# header\r\nbroken line with spaces\r\n\r\nok-token-abcdef\tkafka:read\t\t\tteam=x\r\nno-final";
        write(tokens(), text);
        List<LineWarning> warnings = new ArrayList<>();
        FileTokenStoreOptions options = FileTokenStoreOptions.defaults().withWarningListener(warnings::add);
        try (FileTokenStore store = FileTokenStore.open(tokens(), options)) {
            assertEquals(List.of(new LineWarning(2, LineProblem.LEGACY_NOT_A_TOKEN)), warnings);

            MintedToken minted = service(store).mint(OPERATOR, MintRequest.of("a:b")).value();

            String after = read(tokens());
            assertTrue(after.startsWith(text + "\r\nsha256:" + minted.record().prefix()), after);
            assertTrue(after.endsWith("\r\n"));
            assertEquals(3, store.list(TokenQuery.all()).size());
        }
    }

    @Test
    void openingAndReading_neverChangesTheFile() {
        String text = "\uFEFF# c\r\nlegacy-token-abcdef  \nbad line\n";
        write(tokens(), text);
        byte[] before = StoreFixtures.bytes(tokens());
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            assertEquals(1, store.list(TokenQuery.all()).size());
            store.recordUse(Map.of());
            store.apply(TokenChange.update(List.of()));
        }
        assertArrayEquals(before, StoreFixtures.bytes(tokens()));
    }

    @Test
    void closedStore_failsLookupsAsUnavailable() {
        FileTokenStore store = FileTokenStore.open(tokens());
        TokenService service = service(store);
        MintedToken minted = service.mint(OPERATOR, MintRequest.of("a:b")).value();

        store.close();

        assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(minted.token().reveal(), ClientRequest.NONE));
    }

    @Test
    void skippedLine_isLoggedWithItsNumberAndRule_neverItsContent() {
        write(tokens(), "# c\nsuper-secret-value with-a-space\n");

        String log = StoreFixtures.stderrOf(() -> FileTokenStore.open(tokens()).close());
        assertTrue(log.contains("WARN") && log.contains("line 2: a line without tabs must be one token"), log);
        assertFalse(log.contains("super-secret"), log);
    }

    @Test
    void openInAMissingDirectory_failsClearly() {
        TokenStoreException e = assertThrows(TokenStoreException.class,
                () -> FileTokenStore.open(dir.resolve("absent").resolve("tokens")));

        assertTrue(e.getMessage().startsWith("could not create the token file "), e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchFileException"), e.getMessage());
    }

    @Test
    void options_refuseANegativeInterval() {
        assertThrows(IllegalArgumentException.class,
                () -> FileTokenStoreOptions.defaults().withRecheckInterval(Duration.ofMillis(-1)));
    }
}
