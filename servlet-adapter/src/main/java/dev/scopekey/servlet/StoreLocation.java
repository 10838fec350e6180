package dev.scopekey.servlet;

import dev.scopekey.port.TokenStore;

/**
 * Opens the store the {@code store} init-param names: {@code file:<path>} (a token file, the
 * path absolute or relative to the working directory) or {@code jndi:<name>} (a
 * {@code DataSource} bound in JNDI).
 */
final class StoreLocation {
    static final String FILE = "file:";
    static final String JNDI = "jndi:";

    private StoreLocation() {
    }

    /**
     * Opens the store.
     *
     * @throws IllegalArgumentException if the location is not understood or the store cannot be opened
     */
    static TokenStore open(String location) {
        if (location.startsWith(FILE) && location.length() > FILE.length()) {
            throw new IllegalArgumentException("file stores need the file store, which this build lacks");
        }
        if (location.startsWith(JNDI) && location.length() > JNDI.length()) {
            throw new IllegalArgumentException("jndi stores need the JDBC store, which this build lacks");
        }
        throw new IllegalArgumentException("store is file:<path> or jndi:<name of a DataSource>");
    }
}
