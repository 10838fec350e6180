package dev.scopekey.servlet;

import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens the store the {@code store} init-param names: {@code file:<path>} (a token file, the
 * path absolute or relative to the working directory; created empty with mode 0600 when
 * missing) or {@code jndi:<name>} (a {@code DataSource} bound in JNDI, looked up as
 * {@code java:comp/env/<name>} and then as {@code <name>}; a name starting with {@code java:}
 * is looked up as written). The JDBC store connects lazily and does not migrate the schema.
 */
final class StoreLocation {
    static final String FILE = "file:";
    static final String JNDI = "jndi:";
    private static final String ENVIRONMENT = "java:comp/env/";

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
            return JdbcTokenStore.builder(dataSource(location.substring(JNDI.length()))).build();
        }
        throw new IllegalArgumentException("store is file:<path> or jndi:<name of a DataSource>");
    }

    private static DataSource dataSource(String name) {
        Object found;
        try {
            InitialContext naming = new InitialContext();
            try {
                found = lookup(naming, name);
            } finally {
                naming.close();
            }
        } catch (NamingException e) {
            throw new IllegalArgumentException("store jndi:" + name + ": no DataSource is bound under "
                    + (name.startsWith("java:") ? name : ENVIRONMENT + name + " or " + name)
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (!(found instanceof DataSource)) {
            throw new IllegalArgumentException("store jndi:" + name + " names a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        }
        return (DataSource) found;
    }

    private static Object lookup(InitialContext naming, String name) throws NamingException {
        if (name.startsWith("java:")) {
            return naming.lookup(name);
        }
        try {
            return naming.lookup(ENVIRONMENT + name);
        } catch (NameNotFoundException notInEnvironment) {
            return naming.lookup(name);
        }
    }
}
