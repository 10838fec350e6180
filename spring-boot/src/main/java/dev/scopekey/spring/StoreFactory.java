package dev.scopekey.spring;

import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.jdbc.JdbcMigrations;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store {@code scopekey.store} names; the one class of the module that knows concrete stores. */
final class StoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /**
     * Opens the store; for {@code jdbc}, applies the library's migrations first unless
     * {@code scopekey.jdbc.migrate=false}.
     *
     * @throws IllegalArgumentException if the store is missing, unknown or cannot be opened
     */
    static TokenStore open(ScopeKeyProperties properties, Supplier<DataSource> dataSource) {
        String store = properties.getStore() == null ? "" : properties.getStore().strip();
        if (store.equals(ScopeKeyProperties.MEMORY)) {
            LOG.warn("scopekey.store=memory: tokens live in process memory and are lost on restart");
            return new InMemoryTokenStore();
        }
        if (store.equals(ScopeKeyProperties.JDBC)) {
            DataSource source = dataSource.get();
            if (source == null) {
                throw new IllegalArgumentException("scopekey.store=jdbc needs a DataSource bean "
                        + "(spring.datasource.url, say)");
            }
            if (properties.getJdbc().isMigrate()) {
                List<String> applied = JdbcMigrations.apply(source);
                if (!applied.isEmpty()) {
                    LOG.info("scopekey applied migrations {}", applied);
                }
            }
            return JdbcTokenStore.builder(source).build();
        }
        if (store.startsWith(ScopeKeyProperties.FILE) && store.length() > ScopeKeyProperties.FILE.length()) {
            try {
                return FileTokenStore.open(Path.of(store.substring(ScopeKeyProperties.FILE.length())));
            } catch (InvalidPathException | TokenStoreException e) {
                throw new IllegalArgumentException("scopekey.store " + store + " cannot be opened: "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("scopekey.store is required: jdbc (the application's DataSource), "
                + "file:<path> (a token file) or memory");
    }
}
