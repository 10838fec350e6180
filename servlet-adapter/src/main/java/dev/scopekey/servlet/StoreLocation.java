package dev.scopekey.servlet;

import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.file.FileTokenStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Opens the store the {@code store} init-param names: {@code file:<path>} (a token file, the
 * path absolute or relative to the working directory; created empty with mode 0600 when
 * missing) or {@code jndi:<name>} (a {@code DataSource} bound in JNDI, once the JDBC store is
 * part of the build).
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
            String path = location.substring(FILE.length());
            try {
                return FileTokenStore.open(Path.of(path));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("store " + location + " is not a valid path", e);
            } catch (TokenStoreException e) {
                throw new IllegalArgumentException("store " + location + " cannot be opened: " + e.getMessage(), e);
            }
        }
        if (location.startsWith(JNDI) && location.length() > JNDI.length()) {
            throw new IllegalArgumentException("jndi stores need the JDBC store, which this build does not have yet; "
                    + "use store=file:<path>, or put a TokenService in the context attribute "
                    + ScopeKeyFilter.SERVICE_ATTRIBUTE);
        }
        throw new IllegalArgumentException("store is file:<path> or jndi:<name of a DataSource>");
    }
}
