package dev.scopekey.store.jdbc;

import dev.scopekey.port.TokenStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema migrations the library ships ({@code META-INF/scopekey/sql/<dialect>/V<n>__<name>.sql},
 * Flyway naming) that a database lacks, and records each in its own table
 * {@value #HISTORY_TABLE}. Safe to call on every start of every instance: runs are serialised
 * by a database lock (PostgreSQL advisory lock, MariaDB/MySQL {@code GET_LOCK}; H2, which is
 * embedded, by a lock in this process), and the scripts themselves only create what is missing.
 *
 * <p>Integrators who run Flyway or Liquibase hand them the same scripts instead and never call this.
 */
public final class JdbcMigrations {
    /** The table in which this class records applied migrations. */
    public static final String HISTORY_TABLE = "scopekey_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMigrations.class);
    private static final Object H2_LOCK = new Object();
    private static final int LOCK_WAIT_SECONDS = 60;

    /** Every migration, oldest first, named as its resource file (without {@code .sql}). */
    static final List<String> MIGRATIONS = List.of("V1__tokens", "V2__token_restrictions");

    private JdbcMigrations() {
    }

    /**
     * Brings the schema behind {@code dataSource} up to date.
     *
     * @param dataSource the database
     * @return the migrations applied by this call (empty if the schema was current)
     * @throws TokenStoreException if the database fails or is not supported; a migration that
     *     fails is not recorded, so the next call tries it again
     */
    public static List<String> apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            switch (dialect) {
                case POSTGRESQL:
                    return Database.inTransaction(connection, c -> {
                        try (Statement lock = c.createStatement()) {
                            lock.execute("SELECT pg_advisory_xact_lock(hashtext('scopekey.migrate.' || current_schema()))");
                        }
                        return applyMissing(c, dialect, false);
                    });
                case MARIADB:
                    return applyUnderNamedLock(connection, dialect);
                default:
                    synchronized (H2_LOCK) {
                        return applyMissing(connection, dialect, true);
                    }
            }
        } catch (SQLException e) {
            throw Database.failure("apply its schema migrations", e);
        }
    }

    /** The text of migration {@code name} for {@code dialect}. */
    static String script(Dialect dialect, String name) {
        String path = dialect.migrationDirectory() + "/" + name + ".sql";
        try (InputStream in = JdbcMigrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }

    private static List<String> applyUnderNamedLock(Connection connection, Dialect dialect) throws SQLException {
        String lockName = "CONCAT('scopekey.migrate.', COALESCE(DATABASE(), ''))";
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + lockName + ", ?)")) {
            lock.setInt(1, LOCK_WAIT_SECONDS);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw new TokenStoreException("another instance held the migration lock for more than "
                            + LOCK_WAIT_SECONDS + " seconds");
                }
            }
        }
        try {
            return applyMissing(connection, dialect, true);
        } finally {
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT RELEASE_LOCK(" + lockName + ")");
            }
        }
    }

    /** Applies what the history lacks; each migration in its own transaction if asked. */
    private static List<String> applyMissing(Connection connection, Dialect dialect, boolean transactionEach)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL, installed_at "
                    + dialect.timestampType() + " NOT NULL)");
        }
        Map<Integer, Long> applied = appliedChecksums(connection);
        List<String> done = new ArrayList<>();
        for (String name : MIGRATIONS) {
            int version = version(name);
            String script = script(dialect, name);
            long checksum = checksum(script);
            Long recorded = applied.get(version);
            if (recorded != null) {
                if (recorded != checksum) {
                    LOG.warn("scopekey migration {} differs from the one applied to this database", name);
                }
                continue;
            }
            if (transactionEach) {
                Database.inTransaction(connection, c -> run(c, dialect, name, script, checksum));
            } else {
                run(connection, dialect, name, script, checksum);
            }
            LOG.info("applied scopekey migration {} ({})", name, dialect);
            done.add(name);
        }
        return List.copyOf(done);
    }

    private static Void run(Connection connection, Dialect dialect, String name, String script, long checksum)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : SqlScript.statements(script)) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (version, description, checksum, installed_at) VALUES (?, ?, ?, " + dialect.utcNow() + ")")) {
            record.setInt(1, version(name));
            record.setString(2, name.substring(name.indexOf("__") + 2));
            record.setLong(3, checksum);
            record.executeUpdate();
        }
        return null;
    }

    private static Map<Integer, Long> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, Long> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + HISTORY_TABLE)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return applied;
    }

    static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    static long checksum(String script) {
        CRC32 crc = new CRC32();
        crc.update(script.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
