package dev.scopekey.store.jdbc;

/**
 * The JDBC store on MariaDB (or MySQL) from {@value TestDatabase#MARIADB_ENV}; without it the
 * class is reported as skipped. The test database is created with the case-insensitive
 * {@code utf8mb4_general_ci} default, which the schema's binary collations must override.
 */
class MariaDbJdbcTokenStoreTest extends AbstractJdbcTokenStoreTest {
    @Override
    Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    String unreachableUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/scopekey?user=root&connectTimeout=2000";
    }
}
