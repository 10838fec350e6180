package dev.scopekey.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database of one dialect for one test class: its own H2 in-memory database,
 * PostgreSQL schema or MariaDB database under a random name, dropped again on close, so reruns
 * and parallel runs never see each other's tables.
 *
 * <p>PostgreSQL comes from {@value #POSTGRES_ENV} or, without it, an embedded server; MariaDB
 * from {@value #MARIADB_ENV}, or the test is aborted (reported as skipped) with the reason.
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_ENV = "SCOPEKEY_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "SCOPEKEY_TEST_MARIADB_URL";

    private static final Pattern MARIADB_URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

    private final Dialect dialect;
    private final UrlDataSource dataSource;
    private final String adminUrl;
    private final String dropSql;

    private TestDatabase(Dialect dialect, String url, String adminUrl, String dropSql) {
        this.dialect = dialect;
        this.dataSource = new UrlDataSource(url);
        this.adminUrl = adminUrl;
        this.dropSql = dropSql;
    }

    static TestDatabase of(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return postgres();
            case MARIADB:
                return mariadb();
            default:
                return h2();
        }
    }

    static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(Dialect.H2, url, url, "SHUTDOWN");
    }

    static TestDatabase postgres() {
        String server = System.getenv(POSTGRES_ENV);
        if (server == null || server.isBlank()) {
            server = EmbeddedPostgresServer.shared().url();
        }
        return postgresOn(server);
    }

    /** A fresh schema on the PostgreSQL server at {@code serverUrl}. */
    static TestDatabase postgresOn(String serverUrl) {
        String schema = uniqueName();
        execute(serverUrl, "CREATE SCHEMA " + schema);
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(Dialect.POSTGRESQL, url, serverUrl, "DROP SCHEMA " + schema + " CASCADE");
    }

    static TestDatabase mariadb() {
        String server = System.getenv(MARIADB_ENV);
        if (server == null || server.isBlank()) {
            Assumptions.abort(MARIADB_ENV + " is not set: the MariaDB tests need a server URL such as "
                    + "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
        }
        Matcher parts = MARIADB_URL.matcher(server);
        if (!parts.matches()) {
            throw new IllegalArgumentException(MARIADB_ENV + " is not a jdbc:mariadb://host:port/db URL");
        }
        String database = uniqueName();
        execute(server, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        String query = parts.group(3) == null ? "" : parts.group(3);
        return new TestDatabase(Dialect.MARIADB, parts.group(1) + "/" + database + query, server,
                "DROP DATABASE " + database);
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String url() {
        return dataSource.url();
    }

    /** Runs one statement on this database. */
    void execute(String sql) {
        execute(dataSource.url(), sql);
    }

    /** Removes every token, keeps the schema. */
    void clear() {
        execute("DELETE FROM scopekey_tokens");
    }

    @Override
    public void close() {
        execute(adminUrl, dropSql);
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }

    private static String uniqueName() {
        return "sk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return dialect + " " + dataSource.url();
    }
}
