package dev.scopekey.store.jdbc;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.InvalidScopeException;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenStoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code scopekey_tokens} table: its statements and the mapping between a row and a
 * {@link TokenRecord}. Instants are truncated to {@link #PRECISION} before they are written,
 * so what is read back equals {@link #stored(TokenRecord)} of what was written.
 */
final class TokenRows {
    /** The precision every dialect keeps; finer parts are truncated (toward the past). */
    static final ChronoUnit PRECISION = ChronoUnit.MICROS;

    static final int MAX_PREFIX = 64;
    static final int MAX_TEXT = 255;

    private static final String COLUMNS = "hash, prefix, scopes, name, subject, created_at, created_by, "
            + "expires_at, last_used_at, revoked_at, revoked_by, source, allowed_addresses, rate_limit, disabled";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM scopekey_tokens";

    static final String FIND_BY_HASH = SELECT + " WHERE hash = ?";
    static final String FIND_BY_PREFIX = SELECT + " WHERE prefix = ? ORDER BY hash";
    static final String INSERT = "INSERT INTO scopekey_tokens (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The record with this hash, its row locked until the transaction ends. */
    static final String FIND_BY_HASH_FOR_UPDATE = FIND_BY_HASH + " FOR UPDATE";
    /** Replaces every field of a record but its hash and prefix. */
    static final String UPDATE = "UPDATE scopekey_tokens SET scopes = ?, name = ?, subject = ?, created_at = ?, "
            + "created_by = ?, expires_at = ?, last_used_at = ?, revoked_at = ?, revoked_by = ?, source = ?, "
            + "allowed_addresses = ?, rate_limit = ?, disabled = ? WHERE hash = ?";
    /** Replaces a record's editable metadata and nothing else. */
    static final String UPDATE_METADATA = "UPDATE scopekey_tokens SET name = ?, allowed_addresses = ?, "
            + "rate_limit = ?, disabled = ? WHERE hash = ?";
    /** One token's last use, only ever forwards. */
    static final String RECORD_USE = "UPDATE scopekey_tokens SET last_used_at = ? "
            + "WHERE hash = ? AND (last_used_at IS NULL OR last_used_at < ?)";

    /** The records pruning removes: revoked or expired before the cutoff (given twice). */
    static final String FIND_ENDED = SELECT + " WHERE revoked_at < ? OR expires_at < ?";
    /** Removes one record if it still ended before the cutoff (given twice). */
    static final String DELETE_ENDED = "DELETE FROM scopekey_tokens WHERE hash = ? AND (revoked_at < ? OR expires_at < ?)";

    private TokenRows() {
    }

    /**
     * The keyset page query for a {@link dev.scopekey.port.TokenQuery}: each filter given
     * adds its condition; parameters follow in the order after, subject, liveAt (twice), limit.
     */
    static String listQuery(boolean after, boolean subject, boolean liveAt) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (after) {
            sql.append(" AND prefix > ?");
        }
        if (subject) {
            sql.append(" AND subject = ?");
        }
        if (liveAt) {
            sql.append(" AND (revoked_at IS NULL OR revoked_at > ?) AND (expires_at IS NULL OR expires_at > ?)");
        }
        return sql.append(" ORDER BY prefix, hash LIMIT ?").toString();
    }

    /** What the store keeps of {@code record}: the same record with instants truncated. */
    static TokenRecord stored(TokenRecord record) {
        return record.toBuilder()
                .createdAt(truncate(record.createdAt()))
                .expiresAt(truncate(record.expiresAt()))
                .lastUsedAt(truncate(record.lastUsedAt()))
                .revokedAt(truncate(record.revokedAt()))
                .build();
    }

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(PRECISION);
    }

    /**
     * Rejects a record the schema cannot hold without losing part of it.
     *
     * @throws TokenStoreException naming the field (never its value)
     */
    static void checkFits(TokenRecord record) {
        checkLength("prefix", record.prefix(), MAX_PREFIX);
        checkLength("name", record.name(), MAX_TEXT);
        checkLength("subject", record.subject(), MAX_TEXT);
        checkLength("createdBy", record.createdBy(), MAX_TEXT);
        checkLength("revokedBy", record.revokedBy(), MAX_TEXT);
    }

    /** Binds every column of an insert, in {@link #INSERT} order. */
    static void bindInsert(PreparedStatement statement, Dialect dialect, TokenRecord record) throws SQLException {
        statement.setString(1, record.hash());
        statement.setString(2, record.prefix());
        statement.setString(3, record.scopes().toCommaList());
        statement.setString(4, record.name());
        statement.setString(5, record.subject());
        dialect.bindInstant(statement, 6, truncate(record.createdAt()));
        statement.setString(7, record.createdBy());
        dialect.bindInstant(statement, 8, truncate(record.expiresAt()));
        dialect.bindInstant(statement, 9, truncate(record.lastUsedAt()));
        dialect.bindInstant(statement, 10, truncate(record.revokedAt()));
        statement.setString(11, record.revokedBy());
        statement.setString(12, record.source().name());
        bindRestrictions(statement, 13, record);
    }

    /** Binds the allow-list, rate limit and disabled flag from parameter {@code first} on. */
    private static void bindRestrictions(PreparedStatement statement, int first, TokenRecord record)
            throws SQLException {
        statement.setString(first, record.allowedAddresses() == null ? null : record.allowedAddresses().toString());
        statement.setString(first + 1, record.rateLimit() == null ? null : record.rateLimit().toString());
        statement.setBoolean(first + 2, record.disabled());
    }

    /** Binds every parameter of {@link #UPDATE_METADATA}. */
    static void bindMetadata(PreparedStatement statement, TokenRecord record) throws SQLException {
        statement.setString(1, record.name());
        bindRestrictions(statement, 2, record);
        statement.setString(5, record.hash());
    }

    /** Binds every parameter of {@link #UPDATE}. */
    static void bindUpdate(PreparedStatement statement, Dialect dialect, TokenRecord record) throws SQLException {
        statement.setString(1, record.scopes().toCommaList());
        statement.setString(2, record.name());
        statement.setString(3, record.subject());
        dialect.bindInstant(statement, 4, truncate(record.createdAt()));
        statement.setString(5, record.createdBy());
        dialect.bindInstant(statement, 6, truncate(record.expiresAt()));
        dialect.bindInstant(statement, 7, truncate(record.lastUsedAt()));
        dialect.bindInstant(statement, 8, truncate(record.revokedAt()));
        statement.setString(9, record.revokedBy());
        statement.setString(10, record.source().name());
        bindRestrictions(statement, 11, record);
        statement.setString(14, record.hash());
    }

    /** Binds {@link #RECORD_USE} for one token. */
    static void bindUse(PreparedStatement statement, Dialect dialect, String hash, Instant at) throws SQLException {
        Instant stored = truncate(at);
        dialect.bindInstant(statement, 1, stored);
        statement.setString(2, hash);
        dialect.bindInstant(statement, 3, stored);
    }

    /**
     * The record in the current row.
     *
     * @throws TokenStoreException if the row does not hold a valid record (edited by hand, say)
     */
    static TokenRecord read(ResultSet row, Dialect dialect) throws SQLException {
        try {
            return readValid(row, dialect);
        } catch (IllegalArgumentException | InvalidScopeException malformed) {
            throw new TokenStoreException("a row of scopekey_tokens does not hold a valid token record (prefix "
                    + row.getString("prefix") + "): " + malformed.getMessage());
        }
    }

    private static TokenRecord readValid(ResultSet row, Dialect dialect) throws SQLException {
        String scopes = row.getString("scopes");
        String addresses = row.getString("allowed_addresses");
        String rate = row.getString("rate_limit");
        return TokenRecord.builder(
                        row.getString("prefix"),
                        row.getString("hash"),
                        scopes == null || scopes.isEmpty() ? ScopeSet.empty() : ScopeSet.parseList(scopes))
                .name(row.getString("name"))
                .subject(row.getString("subject"))
                .createdAt(dialect.readInstant(row, "created_at"))
                .createdBy(row.getString("created_by"))
                .expiresAt(dialect.readInstant(row, "expires_at"))
                .lastUsedAt(dialect.readInstant(row, "last_used_at"))
                .revokedAt(dialect.readInstant(row, "revoked_at"))
                .revokedBy(row.getString("revoked_by"))
                .source(TokenSource.valueOf(row.getString("source")))
                .allowedAddresses(addresses == null ? null : AddressList.parse(addresses))
                .rateLimit(rate == null ? null : RequestRate.parse(rate))
                .disabled(row.getBoolean("disabled"))
                .build();
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new TokenStoreException("the JDBC token store keeps at most " + max + " characters of "
                    + field + "; this record's is " + value.length());
        }
    }
}
