package dev.scopekey.cli;

import dev.scopekey.port.TokenStore;

/**
 * Opens the store a {@link StoreSpec} names. The CLI closes what it opened when the store is
 * {@link AutoCloseable}. Tests give the CLI an opener over an in-memory store.
 */
@FunctionalInterface
interface StoreOpener {

    /**
     * Opens the store.
     *
     * @param spec which store
     * @return the open store, for the caller to close
     * @throws dev.scopekey.port.TokenStoreException if it cannot be opened
     */
    TokenStore open(StoreSpec spec);
}
