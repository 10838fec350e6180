package dev.scopekey.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory and file stores report how many records they hold, and no cache counts. */
class StoreSizeStatisticsTest {

    private static void assertCountsRecords(TokenStore store) {
        TokenService service = TokenService.builder(store).audit(AuditSink.discarding()).lastUsedFlushInterval(null)
                .build();
        StoreStatistics statistics = service.storeStatistics().orElseThrow();
        assertEquals(0, statistics.size());

        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read"));
        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:write"));

        assertEquals(2, statistics.size(), "a statistics object follows the store");
        assertEquals(0, statistics.cacheHits());
        assertEquals(0, statistics.cacheMisses());
    }

    @Test
    void memoryStore_reportsItsRecords() {
        assertCountsRecords(new InMemoryTokenStore());
    }

    @Test
    void fileStore_reportsTheRecordsOfTheFile(@TempDir Path dir) {
        try (FileTokenStore store = FileTokenStore.open(dir.resolve("tokens"))) {
            assertCountsRecords(store);
        }
    }
}
