package dev.scopekey.store.jdbc;

import dev.scopekey.port.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Borrows connections from the integrator's {@link DataSource}, runs reads and one-transaction
 * writes on them, and turns every {@link SQLException} into a {@link TokenStoreException} whose
 * message names the action and SQLState but never a value. Thread-safe.
 */
final class Database {
    /** Work done on a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private volatile Dialect dialect;

    Database(DataSource dataSource, Duration queryTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, ceilSeconds(queryTimeout)));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} on a connection as the pool hands it out (normally auto-commit). */
    <T> T read(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            dialect(connection);
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs {@code work} as one transaction: committed if it returns, rolled back if it throws
     * anything, so a failure writes nothing.
     */
    <T> T write(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            dialect(connection);
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Runs {@code work} in a transaction on a connection the caller owns. */
    static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // a broken connection: the pool discards it, nothing was committed
            }
        }
    }

    /** A statement with this store's query timeout. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    /** The dialect, detected from the first connection and then remembered. */
    Dialect dialect(Connection connection) throws SQLException {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(connection);
            dialect = known;
        }
        return known;
    }

    /** The dialect if a connection has been made already, else null. */
    Dialect knownDialect() {
        return dialect;
    }

    static TokenStoreException failure(String action, SQLException e) {
        return new TokenStoreException("the token database could not " + action + " (SQLState "
                + e.getSQLState() + ", " + e.getClass().getSimpleName() + ")", e);
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
