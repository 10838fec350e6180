package dev.scopekey.store.jdbc;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A token store in a relational database (PostgreSQL, MariaDB/MySQL or H2) reached through a
 * {@link DataSource} the integrator provides and owns. Many instances may share one database.
 * Thread-safe.
 *
 * <p>Every {@link #apply} is one transaction; a failure of any kind writes nothing and throws
 * {@code TokenStoreException} ({@link DuplicateTokenException} for a prefix or hash already
 * held). {@link #findByHash} answers from a short cache (see {@link JdbcTokenStoreBuilder#cacheTtl});
 * this instance's own changes invalidate it at once, other instances' within the TTL, or at
 * once on PostgreSQL through LISTEN/NOTIFY. Nothing is served from the cache past its TTL, so
 * a database outage turns into {@code TokenStoreException} (and {@code Unavailable}) then.
 * Instants are kept to {@link #TIMESTAMP_PRECISION}, truncated on write.
 *
 * <p>The schema comes from {@link #migrate()} or from the integrator's own Flyway or Liquibase
 * run of the scripts in {@code META-INF/scopekey/sql/<dialect>/}.
 */
public final class JdbcTokenStore implements TokenStore, AutoCloseable {
    /** The precision of every stored instant; finer parts are truncated toward the past. */
    public static final ChronoUnit TIMESTAMP_PRECISION = TokenRows.PRECISION;

    private static final int BATCH_SIZE = 500;

    private final Database database;
    private final TokenCache cache;
    private final String instanceId = UUID.randomUUID().toString();
    private final PostgresInvalidations invalidations;

    JdbcTokenStore(JdbcTokenStoreBuilder builder) {
        this.database = new Database(builder.dataSource, builder.queryTimeout);
        this.cache = new TokenCache(builder.clock, builder.cacheTtl, builder.cacheSize, builder.negativeCacheSize);
        this.invalidations = builder.listen && !builder.cacheTtl.isZero()
                ? PostgresInvalidations.start(database, cache, instanceId) : null;
    }

    /**
     * Starts building a store over {@code dataSource}.
     *
     * @param dataSource the database
     * @return a builder with the defaults
     */
    public static JdbcTokenStoreBuilder builder(DataSource dataSource) {
        return new JdbcTokenStoreBuilder(dataSource);
    }

    /**
     * Applies the schema migrations the database lacks ({@link JdbcMigrations#apply}).
     *
     * @return the migrations applied now, empty if the schema was current
     */
    public List<String> migrate() {
        return JdbcMigrations.apply(database.dataSource());
    }

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        return TokenHash.isHex(hash) ? findByHash(TokenHash.fromHex(hash)) : read(hash);
    }

    /** Reports the read cache: its entries, hits and misses (lookups that went to the database). */
    @Override
    public Optional<StoreStatistics> statistics() {
        return Optional.of(cache);
    }

    /** Answers from the cache when it can, so a warm lookup builds no hex text. */
    @Override
    public Optional<TokenRecord> findByHash(TokenHash hash) {
        Optional<TokenRecord> cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        long stamp = cache.stamp();
        Optional<TokenRecord> found = read(hash.hex());
        cache.put(hash, found, stamp);
        return found;
    }

    private Optional<TokenRecord> read(String hash) {
        return database.read("look up a token", connection -> {
            List<TokenRecord> rows = query(connection, TokenRows.FIND_BY_HASH, hash);
            return rows.isEmpty() ? Optional.empty() : Optional.<TokenRecord>of(rows.get(0));
        });
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        return database.read("look up a prefix", connection -> query(connection, TokenRows.FIND_BY_PREFIX, prefix));
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        List<Object> parameters = new ArrayList<>();
        if (query.afterPrefix() != null) {
            parameters.add(query.afterPrefix());
        }
        if (query.subject() != null) {
            parameters.add(query.subject());
        }
        if (query.liveAt() != null) {
            Instant liveAt = TokenRows.truncate(query.liveAt());
            parameters.add(liveAt);
            parameters.add(liveAt);
        }
        parameters.add(query.limit());
        String sql = TokenRows.listQuery(query.afterPrefix() != null, query.subject() != null, query.liveAt() != null);
        return database.read("list tokens", connection -> query(connection, sql, parameters.toArray()));
    }

    @Override
    public void apply(TokenChange change) {
        Set<String> touched = new LinkedHashSet<>();
        for (TokenRecord record : change.inserts()) {
            TokenRows.checkFits(record);
            touched.add(record.hash());
        }
        for (TokenRecord record : change.updates()) {
            TokenRows.checkFits(record);
            touched.add(record.hash());
        }
        if (touched.isEmpty()) {
            return;
        }
        try {
            database.write("apply a token change", connection -> {
                Dialect dialect = database.dialect(connection);
                insert(connection, dialect, change.inserts());
                update(connection, dialect, change.updates());
                if (dialect == Dialect.POSTGRESQL) {
                    PostgresInvalidations.notify(database, connection, instanceId, touched);
                }
                return null;
            });
        } finally {
            // also after a failure: a commit whose answer was lost may have gone through
            cache.invalidate(touched);
        }
    }

    /**
     * Locks the row, applies the update to it as it is then, and writes back only the editable
     * columns, in one transaction: a revocation or a last use written meanwhile is never undone.
     */
    @Override
    public Optional<TokenRecord> update(String hash, TokenUpdate update) {
        try {
            return database.write("update a token", connection -> {
                List<TokenRecord> rows = query(connection, TokenRows.FIND_BY_HASH_FOR_UPDATE, hash);
                if (rows.isEmpty()) {
                    return Optional.<TokenRecord>empty();
                }
                TokenRecord updated = update.applyTo(rows.get(0));
                TokenRows.checkFits(updated);
                try (PreparedStatement statement = database.prepare(connection, TokenRows.UPDATE_METADATA)) {
                    TokenRows.bindMetadata(statement, updated);
                    statement.executeUpdate();
                }
                if (database.dialect(connection) == Dialect.POSTGRESQL) {
                    PostgresInvalidations.notify(database, connection, instanceId, Set.of(hash));
                }
                return Optional.of(updated);
            });
        } finally {
            cache.invalidate(Set.of(hash));
        }
    }

    /**
     * Writes last-use times as JDBC batches, one statement per token, in one transaction; never
     * backwards. Rows are written in hash order, as {@link #apply} updates them, so that a flush and a
     * change of the same rows lock them in the same order and never deadlock.
     */
    /**
     * Deletes, in one transaction, each record found revoked or expired before {@code cutoff}
     * that still is when it is deleted; each instance's cache forgets them (PostgreSQL tells the
     * other instances at once).
     */
    @Override
    public List<TokenRecord> prune(Instant cutoff) {
        Instant stored = TokenRows.truncate(cutoff);
        Set<String> touched = new LinkedHashSet<>();
        try {
            return database.write("prune tokens", connection -> {
                Dialect dialect = database.dialect(connection);
                List<TokenRecord> removed = new ArrayList<>();
                try (PreparedStatement delete = database.prepare(connection, TokenRows.DELETE_ENDED)) {
                    for (TokenRecord record : query(connection, TokenRows.FIND_ENDED, stored, stored)) {
                        delete.setString(1, record.hash());
                        dialect.bindInstant(delete, 2, stored);
                        dialect.bindInstant(delete, 3, stored);
                        if (delete.executeUpdate() > 0) {
                            removed.add(record);
                            touched.add(record.hash());
                        }
                    }
                }
                if (dialect == Dialect.POSTGRESQL && !touched.isEmpty()) {
                    PostgresInvalidations.notify(database, connection, instanceId, touched);
                }
                return removed;
            });
        } finally {
            cache.invalidate(touched);
        }
    }

    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        if (lastUsedByHash.isEmpty()) {
            return;
        }
        Map<String, Instant> stored = new TreeMap<>();
        lastUsedByHash.forEach((hash, at) -> stored.put(hash, TokenRows.truncate(at)));
        database.write("record token use", connection -> {
            Dialect dialect = database.dialect(connection);
            try (PreparedStatement statement = database.prepare(connection, TokenRows.RECORD_USE)) {
                executeInBatches(statement, stored.entrySet(),
                        use -> TokenRows.bindUse(statement, dialect, use.getKey(), use.getValue()));
            }
            return null;
        });
        cache.recordUse(stored);
    }

    /** Stops the LISTEN thread, if any. The data source stays open: it belongs to the integrator. */
    @Override
    public void close() {
        if (invalidations != null) {
            invalidations.close();
        }
    }

    /** Whether this store currently receives PostgreSQL change notifications. */
    boolean isListening() {
        return invalidations != null && invalidations.isListening();
    }

    /** Whether this store's LISTEN thread still runs. */
    boolean isListenerAlive() {
        return invalidations != null && invalidations.isAlive();
    }

    TokenCache cache() {
        return cache;
    }

    private void insert(Connection connection, Dialect dialect, List<TokenRecord> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = database.prepare(connection, TokenRows.INSERT)) {
            for (TokenRecord record : inserts) {
                TokenRows.bindInsert(statement, dialect, record);
                try {
                    statement.executeUpdate();
                } catch (SQLException e) {
                    if (isUniqueViolation(e)) {
                        throw new DuplicateTokenException(record.prefix());
                    }
                    throw e;
                }
            }
        }
    }

    private void update(Connection connection, Dialect dialect, List<TokenRecord> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        List<TokenRecord> inHashOrder = new ArrayList<>(updates);
        inHashOrder.sort(Comparator.comparing(TokenRecord::hash));
        try (PreparedStatement statement = database.prepare(connection, TokenRows.UPDATE)) {
            executeInBatches(statement, inHashOrder, record -> TokenRows.bindUpdate(statement, dialect, record));
        }
    }

    /** Binds each item and sends the statement in batches of {@value #BATCH_SIZE}. */
    private static <T> void executeInBatches(PreparedStatement statement, Iterable<T> items, Binder<T> binder)
            throws SQLException {
        int pending = 0;
        for (T item : items) {
            binder.bind(item);
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            statement.executeBatch();
        }
    }

    /** Sets one item's parameters on a prepared statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(T item) throws SQLException;
    }

    private List<TokenRecord> query(Connection connection, String sql, Object... parameters) throws SQLException {
        Dialect dialect = database.dialect(connection);
        try (PreparedStatement statement = database.prepare(connection, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Instant) {
                    dialect.bindInstant(statement, i + 1, (Instant) parameter);
                } else if (parameter instanceof Integer) {
                    statement.setInt(i + 1, (Integer) parameter);
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            List<TokenRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(TokenRows.read(rows, dialect));
                }
            }
            return records;
        }
    }

    /** A unique-key violation: SQLState 23505 (PostgreSQL, H2) or MySQL error 1062. */
    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || e.getErrorCode() == 1062 && state != null && state.startsWith("23");
    }

    @Override
    public String toString() {
        Dialect dialect = database.knownDialect();
        return "JdbcTokenStore[" + (dialect == null ? "not yet connected" : dialect.name().toLowerCase(java.util.Locale.ROOT))
                + ", " + cache + "]";
    }
}
