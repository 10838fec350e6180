package dev.scopekey.port;

/**
 * What a store holds in memory and how its read cache does, for a metrics library to poll (as
 * Caffeine's statistics feed Micrometer). Counters only grow; every value is read without a lock
 * and may be a little behind a concurrent lookup.
 */
public interface StoreStatistics {

    /**
     * How many entries the store holds in memory: every record for the memory and file stores,
     * the cached answers (found and unknown) for the JDBC store.
     *
     * @return the entries held in memory
     */
    long size();

    /**
     * How many lookups by hash the cache answered; zero for a store without a cache.
     *
     * @return the cache hits so far
     */
    default long cacheHits() {
        return 0;
    }

    /**
     * How many lookups by hash went past the cache to the store behind it; zero for a store
     * without a cache.
     *
     * @return the cache misses so far
     */
    default long cacheMisses() {
        return 0;
    }
}
