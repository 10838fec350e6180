package dev.scopekey.store.jdbc;

import dev.scopekey.port.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What differs between the supported databases: where their migrations live, how an instant
 * is bound and read, and how concurrent migrations are serialised.
 */
enum Dialect {
    /** {@code TIMESTAMP WITH TIME ZONE}, transactional DDL, advisory locks, LISTEN/NOTIFY. */
    POSTGRESQL("postgresql", true, "TIMESTAMP(6) WITH TIME ZONE", "CURRENT_TIMESTAMP"),
    /** MariaDB and MySQL: {@code DATETIME(6)} holding UTC, {@code GET_LOCK} for migrations. */
    MARIADB("mariadb", false, "DATETIME(6)", "UTC_TIMESTAMP(6)"),
    /** H2, embedded: {@code TIMESTAMP WITH TIME ZONE}, migrations serialised in-process. */
    H2("h2", true, "TIMESTAMP(6) WITH TIME ZONE", "CURRENT_TIMESTAMP");

    private final String directory;
    private final boolean zoned;
    private final String timestampType;
    private final String utcNow;

    Dialect(String directory, boolean zoned, String timestampType, String utcNow) {
        this.directory = directory;
        this.zoned = zoned;
        this.timestampType = timestampType;
        this.utcNow = utcNow;
    }

    /**
     * The dialect of the database behind {@code connection}, from its metadata.
     *
     * @throws TokenStoreException naming the product if it is not supported
     */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new TokenStoreException("unsupported database '" + product
                + "': the JDBC token store supports PostgreSQL, MariaDB/MySQL and H2");
    }

    /** The resource folder of this dialect's migrations. */
    String migrationDirectory() {
        return "META-INF/scopekey/sql/" + directory;
    }

    /** The SQL type of this dialect's timestamp columns. */
    String timestampType() {
        return timestampType;
    }

    /** The SQL expression for the current time, to store in a {@link #timestampType()} column. */
    String utcNow() {
        return utcNow;
    }

    /** Binds an instant (already truncated to the stored precision) as UTC, or SQL NULL. */
    void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, zoned ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP);
        } else if (zoned) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** Reads an instant written by {@link #bindInstant}, or null. */
    Instant readInstant(ResultSet row, String column) throws SQLException {
        if (zoned) {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
