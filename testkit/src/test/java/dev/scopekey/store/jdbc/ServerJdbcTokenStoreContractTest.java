package dev.scopekey.store.jdbc;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC store passes the store contract on real PostgreSQL and MariaDB servers named by
 * {@code SCOPEKEY_TEST_POSTGRES_URL} and {@code SCOPEKEY_TEST_MARIADB_URL} (CI sets both). Without
 * the PostgreSQL URL the contract runs on an embedded PostgreSQL server; without the MariaDB URL
 * its tests report themselves skipped, with the reason. Each server gets a schema or database of
 * its own under a random name, dropped at the end, and an empty table for each test.
 */
class ServerJdbcTokenStoreContractTest {

    /** Without its URL the PostgreSQL contract runs on an embedded server instead of skipping. */
    @Test
    void postgreSqlContract_runs_withOrWithoutAServerUrl() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectNestedMethod(List.of(ServerJdbcTokenStoreContractTest.class), OnPostgreSql.class,
                        "service_mintedToken_authenticatesWithItsScopes_andNothingMore"))
                .execute().testEvents().assertStatistics(stats -> stats.started(1).aborted(0).succeeded(1));
    }

    @Nested
    class OnPostgreSql extends OnServer {
        OnPostgreSql() {
            super("SCOPEKEY_TEST_POSTGRES_URL", EmbeddedPostgresServer::url);
        }
    }

    @Nested
    class OnMariaDb extends OnServer {
        OnMariaDb() {
            super("SCOPEKEY_TEST_MARIADB_URL", () -> null);
        }
    }

    /** The contract on one server; the store keeps instants to the microsecond. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnServer extends TokenStoreContract {
        private final String serverEnv;
        private final Supplier<String> embeddedServer;
        private String serverUrl;
        private String url;
        private String drop;

        /** The server {@code serverEnv} names, or else the one {@code embeddedServer} starts (null: none). */
        OnServer(String serverEnv, Supplier<String> embeddedServer) {
            this.serverEnv = serverEnv;
            this.embeddedServer = embeddedServer;
        }

        @BeforeAll
        void createSchema() throws SQLException {
            serverUrl = System.getenv(serverEnv);
            if (serverUrl == null || serverUrl.isBlank()) {
                serverUrl = embeddedServer.get();
            }
            if (serverUrl == null) {
                return;
            }
            String name = "sk_contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String separator = serverUrl.contains("?") ? "&" : "?";
            if (serverUrl.startsWith("jdbc:postgresql:")) {
                execute(serverUrl, "CREATE SCHEMA " + name);
                url = serverUrl + separator + "currentSchema=" + name;
                drop = "DROP SCHEMA " + name + " CASCADE";
            } else {
                execute(serverUrl, "CREATE DATABASE " + name);
                int query = serverUrl.indexOf('?');
                String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
                url = base.substring(0, base.lastIndexOf('/') + 1) + name
                        + (query < 0 ? "" : serverUrl.substring(query));
                drop = "DROP DATABASE " + name;
            }
            try (JdbcTokenStore store = open()) {
                store.migrate();
            }
        }

        @AfterAll
        void dropSchema() throws SQLException {
            if (drop != null) {
                execute(serverUrl, drop);
            }
        }

        @Override
        protected TokenStore newStore() {
            if (url == null) {
                Assumptions.abort(serverEnv + " is not set: the contract on this database needs a server URL");
            }
            try {
                execute(url, "DELETE FROM scopekey_tokens");
            } catch (SQLException e) {
                throw new IllegalStateException("could not empty the contract table", e);
            }
            return open();
        }

        @Override
        protected TokenStore reopen(TokenStore store) {
            return open();
        }

        @Override
        protected Duration timestampPrecision() {
            return JdbcTokenStore.TIMESTAMP_PRECISION.getDuration();
        }

        private JdbcTokenStore open() {
            return JdbcTokenStore.builder(dataSource(url)).listenForChanges(false).build();
        }

        private static DataSource dataSource(String jdbcUrl) {
            try {
                if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                    PGSimpleDataSource postgres = new PGSimpleDataSource();
                    postgres.setURL(jdbcUrl);
                    return postgres;
                }
                return new MariaDbDataSource(jdbcUrl);
            } catch (SQLException e) {
                throw new IllegalStateException("bad test database URL", e);
            }
        }

        private static void execute(String jdbcUrl, String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(jdbcUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
