package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on PostgreSQL ({@value TestDatabase#POSTGRES_ENV}, or an embedded server
 * without it), plus what only PostgreSQL does: LISTEN/NOTIFY, the partial index, and statement
 * timeouts against locks held by another session.
 */
class PostgresJdbcTokenStoreTest extends AbstractJdbcTokenStoreTest {
    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String unreachableUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/scopekey?user=postgres&connectTimeout=2";
    }

    @Test
    void revokeOnInstanceA_isDeniedOnInstanceBAtOnce_throughListenNotify() {
        TokenService a = service(store());
        JdbcTokenStore listening = store(db.dataSource(), b -> b.listenForChanges(true));
        TokenService b = service(listening);
        assertTrue(within(Duration.ofSeconds(10), listening::isListening), "B never started listening");
        String token = a.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();
        TokenHash hash = TokenHash.of(token);
        assertTrue(within(Duration.ofSeconds(2), () -> b.authenticate(token, ClientRequest.NONE) instanceof AuthDecision.Granted
                && listening.cache().get(hash) != null), "B never cached its grant");

        assertTrue(a.revoke(OPERATOR, PlainToken.of(token).prefix()).isDone());

        // the clock never moves: only the notification can end B's cached grant
        assertTrue(within(Duration.ofSeconds(2), () -> b.authenticate(token, ClientRequest.NONE) instanceof AuthDecision.Denied),
                "B still grants a token revoked on A");
        assertEquals(DenialReason.REVOKED, denial(b.authenticate(token, ClientRequest.NONE)));
    }

    @Test
    void close_handsTheListenConnectionBackToItsPoolNoLongerListening() throws SQLException {
        try (Connection pooled = db.dataSource().getConnection()) {
            Connection lent = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : invoke(method, pooled, args));
            DataSource poolOfOne = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> method.getName().equals("getConnection")
                            ? lent : invoke(method, db.dataSource(), args));
            JdbcTokenStore store = JdbcTokenStore.builder(poolOfOne).build();
            assertTrue(within(Duration.ofSeconds(10), store::isListening));

            store.close();

            try (Statement statement = pooled.createStatement();
                 ResultSet channels = statement.executeQuery("SELECT count(*) FROM pg_listening_channels()")) {
                assertTrue(channels.next());
                assertEquals(0, channels.getInt(1));
            }
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void liveTokenIndex_isPartial_overUnrevokedRows() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT indexdef FROM pg_indexes "
                     + "WHERE schemaname = current_schema() AND indexname = 'scopekey_tokens_live'");
             ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), "index scopekey_tokens_live is missing");
            assertTrue(row.getString(1).endsWith("WHERE (revoked_at IS NULL)"), row.getString(1));
        }
    }

    @Test
    void lookupBlockedByATableLock_timesOut_asUnavailable() throws SQLException {
        TokenService service = service(store(db.dataSource(), b -> b.cacheTtl(Duration.ZERO)
                .queryTimeout(Duration.ofSeconds(1))));
        String token = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();

        try (Connection locker = db.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE scopekey_tokens IN ACCESS EXCLUSIVE MODE");
            }
            assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate(token, ClientRequest.NONE));
            locker.rollback();
        }
        assertInstanceOf(AuthDecision.Granted.class, service.authenticate(token, ClientRequest.NONE));
    }

    @Test
    void revokeBlockedByARowLock_timesOut_andWritesNothing() throws SQLException {
        TokenService service = service(store(db.dataSource(), b -> b.queryTimeout(Duration.ofSeconds(1))));
        String prefix = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().record().prefix();

        try (Connection locker = db.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "SELECT hash FROM scopekey_tokens WHERE prefix = ? FOR UPDATE")) {
                lock.setString(1, prefix);
                lock.executeQuery().close();
            }
            assertThrows(TokenStoreException.class, () -> service.revoke(OPERATOR, prefix));
            locker.rollback();
        }
        assertNull(uncachedStore().findByPrefix(prefix).get(0).revokedAt());
        assertNull(uncachedStore().findByPrefix(prefix).get(0).revokedBy());
    }
}
