package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDBC store's cache counts the lookups it answers and the ones it sends to the database (H2). */
class JdbcCacheStatisticsTest {
    private final TestDatabase db = TestDatabase.h2();

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Long> counts(StoreStatistics statistics) {
        return List.of(statistics.cacheHits(), statistics.cacheMisses(), statistics.size());
    }

    @Test
    void foundAndUnknownAnswers_countAsMissesFirst_andAsHitsWhileCached() {
        JdbcMigrations.apply(db.dataSource());
        try (JdbcTokenStore store = JdbcTokenStore.builder(db.dataSource()).listenForChanges(false).build();
             TokenService service = TokenService.builder(store).audit(AuditSink.discarding()).build()) {
            String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value()
                    .token().reveal();
            StoreStatistics statistics = service.storeStatistics().orElseThrow();
            assertEquals(List.of(0L, 0L, 0L), counts(statistics));

            service.authenticate(token, ClientRequest.NONE);
            service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);
            assertEquals(List.of(0L, 2L, 2L), counts(statistics), "one found and one unknown answer cached");

            service.authenticate(token, ClientRequest.NONE);
            service.authenticate(token, ClientRequest.NONE);
            service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);
            assertEquals(List.of(3L, 2L, 2L), counts(statistics));
        }
    }

    @Test
    void withoutACache_everyLookupIsAMiss() {
        JdbcMigrations.apply(db.dataSource());
        try (JdbcTokenStore store = JdbcTokenStore.builder(db.dataSource()).cacheTtl(Duration.ZERO).build();
             TokenService service = TokenService.builder(store).audit(AuditSink.discarding()).build()) {
            service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);
            service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);

            assertEquals(List.of(0L, 2L, 0L), counts(service.storeStatistics().orElseThrow()));
        }
    }
}
