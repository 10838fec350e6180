package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.port.AuditSink;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.file.FileTokenStoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8, item 8: while the token file is gone every request gets 503, and the log (slf4j-simple,
 * read as bytes) holds one ERROR line saying why and, once the file is back, one INFO line, not
 * one line per request.
 */
class StoreOutageIsLoggedOnceHttpTest extends HttpTestSupport {
    private static final int REQUESTS = 12;

    @TempDir
    Path directory;

    @Test
    void tokenFileGone_every503_butOneLineWhenItGoes_andOneWhenItIsBack() throws IOException {
        Path file = directory.resolve("tokens");
        FileTokenStore fileStore = FileTokenStore.open(file, FileTokenStoreOptions.defaults()
                .withRecheckInterval(Duration.ZERO));
        store = fileStore;
        start(WebXml.standard());
        String reader = token("kafka:endpoint:read");
        byte[] saved = Files.readAllBytes(file);

        Files.delete(file);
        for (int i = 0; i < REQUESTS; i++) {
            assertEquals(503, http.get("/api/kafka/endpoint", reader).status());
        }
        Files.write(file, saved);
        for (int i = 0; i < REQUESTS; i++) {
            assertEquals(200, http.get("/api/kafka/endpoint", reader).status());
        }
        fileStore.close();

        List<String> health = new ArrayList<>();
        byte[] logged = leaks.capturedOutput().getBytes(StandardCharsets.ISO_8859_1);
        for (String line : new String(logged, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.contains(AuditSink.HEALTH_LOGGER)) {
                health.add(line);
            }
        }
        assertEquals(2, health.size(), "one line down, one up: " + health);
        assertTrue(health.get(0).contains("ERROR") && health.get(0).contains("token store failing: FileTokenStore: "
                + "TokenStoreException"), health.get(0));
        assertTrue(health.get(1).contains("INFO") && health.get(1).contains("token store works again: "
                + REQUESTS + " calls failed meanwhile"), health.get(1));
    }
}
