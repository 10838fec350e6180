package dev.scopekey.store.jdbc;

/** The JDBC store on H2, in memory: always runs. */
class H2JdbcTokenStoreTest extends AbstractJdbcTokenStoreTest {
    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String unreachableUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:scopekey";
    }
}
