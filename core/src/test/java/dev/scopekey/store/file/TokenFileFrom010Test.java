package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.TokenChange;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file written by scopekey 0.1.0 (test resource {@code token-file-0.1.0.txt}) reads as it
 * did, keeps working, and is written back byte for byte; a restriction added later changes only its
 * own line.
 */
class TokenFileFrom010Test {
    private static final ClientRequest REQUEST = new ClientRequest("127.0.0.1", "GET", "/");

    private static byte[] fixture() throws IOException {
        try (InputStream in = TokenFileFrom010Test.class.getResourceAsStream("token-file-0.1.0.txt")) {
            assertNotNull(in, "fixture present");
            return in.readAllBytes();
        }
    }

    @Test
    void a010File_readsAsBefore_andIsWrittenBackByteForByte() throws IOException {
        byte[] bytes = fixture();
        TokenFile file = TokenFile.parse(bytes);

        assertArrayEquals(bytes, file.toBytes());
        assertEquals(5, file.records().size());
        assertEquals(List.of(new LineWarning(9, LineProblem.BAD_HASHED_CREDENTIAL)), file.warnings());
        for (TokenRecord record : file.records()) {
            assertFalse(record.isRestricted(), record.prefix());
        }
        assertEquals(ScopeSet.root(), find(file, "legacy-ops-token-2019").scopes());
        assertEquals("team-a", find(file, "sk_0a1B2c3D4e5Fsecret-one").subject());
    }

    @Test
    void a010File_inTheFileStore_anUpdateChangesOnlyItsOwnLine(@TempDir Path dir)
            throws IOException {
        byte[] bytes = fixture();
        Path path = dir.resolve("tokens");
        Files.write(path, bytes);
        try (FileTokenStore store = FileTokenStore.open(path)) {
            TokenRecord ingest = store.findByHash(TokenHash.hexOf("sk_0a1B2c3D4e5Fsecret-one")).orElseThrow();
            assertArrayEquals(bytes, Files.readAllBytes(path), "reading changes nothing");
            store.apply(TokenChange.update(List.of(
                    TokenUpdate.none().rateLimit(RequestRate.parse("100/minute")).applyTo(ingest))));
        }
        List<String> before = lines(bytes);
        List<String> after = lines(Files.readAllBytes(path));
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).startsWith("sha256:sk_0a1B2c3D4e5F:")) {
                assertEquals(before.get(i) + "\trate=100/minute", after.get(i));
            } else {
                assertEquals(before.get(i), after.get(i), "line " + (i + 1));
            }
        }
    }

    @Test
    void a010File_stillAuthorizesItsTokens(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("tokens");
        Files.write(path, fixture());
        try (FileTokenStore store = FileTokenStore.open(path);
             TokenService service = TokenService.builder(store).audit(dev.scopekey.port.AuditSink.discarding())
                     .lastUsedFlushInterval(null).build()) {
            assertTrue(service.authenticate("legacy-ops-token-2019", REQUEST).isGranted());
            assertTrue(service.authenticate("ci-deploy-token-aaaa", REQUEST).isGranted());
            assertTrue(service.authenticate("sk_0a1B2c3D4e5Fsecret-one", REQUEST).isGranted());
            assertTrue(service.authenticate("sk_9z8Y7x6W5v4Usecret-two", REQUEST).isGranted());
            assertEquals(DenialReason.REVOKED, ((AuthDecision.Denied) service.authenticate(
                    "sk_Q1w2E3r4T5y6secret-three", REQUEST)).reason());
        }
    }

    private static TokenRecord find(TokenFile file, String token) {
        String hash = TokenHash.hexOf(token);
        return file.records().stream().filter(r -> r.hash().equals(hash)).findFirst().orElseThrow();
    }

    private static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    }
}
