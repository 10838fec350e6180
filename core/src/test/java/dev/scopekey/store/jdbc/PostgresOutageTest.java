package dev.scopekey.store.jdbc;

import dev.scopekey.service.ClientRequest;
import dev.scopekey.testing.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real PostgreSQL server stopped in the middle of a test, then started again on its data. */
class PostgresOutageTest {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);
    private static final Duration TTL = Duration.ofSeconds(JdbcTokenStoreBuilder.DEFAULT_CACHE_TTL_SECONDS);

    @Test
    void serverStopped_isUnavailable_writesNothing_andTheStoreRecoversWhenItReturns(@TempDir Path dir) {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        Path data = dir.resolve("data");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        int port = server.port();
        TestDatabase db = TestDatabase.postgresOn(server.url());
        JdbcMigrations.apply(db.dataSource());
        JdbcTokenStore store = JdbcTokenStore.builder(db.dataSource()).clock(clock)
                .queryTimeout(Duration.ofSeconds(2)).build();
        TokenService service = TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).build();
        assertTrue(AbstractJdbcTokenStoreTest.within(Duration.ofSeconds(10), store::isListening));
        String cached = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();
        String uncached = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();
        assertInstanceOf(AuthDecision.Granted.class, service.authenticate(cached, ClientRequest.NONE));

        server.close();
        try {
            assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(uncached, ClientRequest.NONE));
            assertInstanceOf(AuthDecision.Granted.class, service.authenticate(cached, ClientRequest.NONE), "cached within the TTL");
            clock.advance(TTL);
            assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(cached, ClientRequest.NONE));
            assertThrows(TokenStoreException.class, () -> service.revoke(OPERATOR, PlainToken.of(cached).prefix()));
            assertThrows(TokenStoreException.class, () -> service.mint(OPERATOR, MintRequest.of("kafka:read")));
        } finally {
            server = EmbeddedPostgresServer.start(data, port);
        }
        try {
            assertInstanceOf(AuthDecision.Granted.class, service.authenticate(cached, ClientRequest.NONE));
            List<TokenRecord> all = store.list(TokenQuery.all());
            assertEquals(2, all.size());
            all.forEach(record -> assertNull(record.revokedAt(), record.prefix()));
            assertTrue(AbstractJdbcTokenStoreTest.within(Duration.ofSeconds(15), store::isListening),
                    "the LISTEN connection did not come back");
        } finally {
            service.close();
            store.close();
            server.close();
        }
    }
}
