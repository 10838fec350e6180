package dev.scopekey.store.jdbc;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The JDBC store on an in-memory H2 database passes the store contract, cache on: a fresh
 * database per test, migrated by the store; reopening builds a second store on the same database.
 */
class H2JdbcTokenStoreContractTest extends TokenStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private JdbcDataSource dataSource;

    @Override
    protected TokenStore newStore() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contract" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        JdbcTokenStore store = JdbcTokenStore.builder(dataSource).build();
        store.migrate();
        return store;
    }

    @Override
    protected TokenStore reopen(TokenStore store) {
        return JdbcTokenStore.builder(dataSource).build();
    }

    @Override
    protected void release(TokenStore store) throws Exception {
        super.release(store);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (java.sql.SQLException alreadyClosed) {
            // the database of this test is gone already
        }
    }

    @Override
    protected Duration timestampPrecision() {
        return JdbcTokenStore.TIMESTAMP_PRECISION.getDuration();
    }
}
