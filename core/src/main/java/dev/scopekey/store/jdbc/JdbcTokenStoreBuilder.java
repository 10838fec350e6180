package dev.scopekey.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link JdbcTokenStore}. Not thread-safe; the store it builds is. Defaults: a
 * {@value #DEFAULT_CACHE_TTL_SECONDS}-second cache of at most {@value #DEFAULT_CACHE_SIZE} found
 * and {@value #DEFAULT_NEGATIVE_CACHE_SIZE} unknown tokens, a {@value #DEFAULT_QUERY_TIMEOUT_SECONDS}-second
 * query timeout, the UTC system clock, and LISTEN/NOTIFY invalidation when the database is PostgreSQL.
 */
public final class JdbcTokenStoreBuilder {
    /** How long a cached answer is served unless configured otherwise, in seconds. */
    public static final int DEFAULT_CACHE_TTL_SECONDS = 5;
    /** How many found tokens the cache holds unless configured otherwise. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /** How many unknown hashes the cache holds unless configured otherwise. */
    public static final int DEFAULT_NEGATIVE_CACHE_SIZE = 10_000;
    /** The longest a statement may run unless configured otherwise, in seconds. */
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 5;

    final DataSource dataSource;
    Duration cacheTtl = Duration.ofSeconds(DEFAULT_CACHE_TTL_SECONDS);
    int cacheSize = DEFAULT_CACHE_SIZE;
    int negativeCacheSize = DEFAULT_NEGATIVE_CACHE_SIZE;
    Duration queryTimeout = Duration.ofSeconds(DEFAULT_QUERY_TIMEOUT_SECONDS);
    Clock clock = Clock.systemUTC();
    boolean listen = true;

    JdbcTokenStoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * How long a lookup's answer (found or unknown) is served without asking the database: the
     * longest another instance's revocation can go unnoticed here without LISTEN/NOTIFY.
     * {@link Duration#ZERO} turns the cache off.
     *
     * @param value how long a cached record is trusted
     * @return this builder
     */
    public JdbcTokenStoreBuilder cacheTtl(Duration value) {
        Objects.requireNonNull(value, "cacheTtl");
        if (value.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative");
        }
        this.cacheTtl = value;
        return this;
    }

    /**
     * The most found tokens cached; 0 caches none.
     *
     * @param value most records cached
     * @return this builder
     */
    public JdbcTokenStoreBuilder cacheSize(int value) {
        this.cacheSize = nonNegative("cacheSize", value);
        return this;
    }

    /**
     * The most unknown hashes cached, bounded apart from found tokens so a flood of random tokens cannot grow it; 0 caches none.
     *
     * @param value most unknown hashes remembered
     * @return this builder
     */
    public JdbcTokenStoreBuilder negativeCacheSize(int value) {
        this.negativeCacheSize = nonNegative("negativeCacheSize", value);
        return this;
    }

    /**
     * The longest one statement may run (rounded up to whole seconds, at least one).
     *
     * @param value longest time a query may take
     * @return this builder
     */
    public JdbcTokenStoreBuilder queryTimeout(Duration value) {
        Objects.requireNonNull(value, "queryTimeout");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("queryTimeout must be positive");
        }
        this.queryTimeout = value;
        return this;
    }

    /**
     * The clock the cache TTL is measured on.
     *
     * @param value the clock
     * @return this builder
     */
    public JdbcTokenStoreBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Whether to LISTEN for other instances' changes on PostgreSQL (one dedicated connection
     * from the data source for the life of the store). Changes are NOTIFYed either way.
     *
     * @param value whether to listen
     * @return this builder
     */
    public JdbcTokenStoreBuilder listenForChanges(boolean value) {
        this.listen = value;
        return this;
    }

    /**
     * The store. Connects to nothing yet: the dialect is detected on first use, so a store
     * built while the database is down answers with {@code TokenStoreException} until it is up.
     *
     * @return the store
     */
    public JdbcTokenStore build() {
        return new JdbcTokenStore(this);
    }

    private static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return value;
    }
}
