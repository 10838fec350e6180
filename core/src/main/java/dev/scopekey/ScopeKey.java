package dev.scopekey;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.file.FileTokenStoreOptions;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import dev.scopekey.store.jdbc.JdbcTokenStoreBuilder;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Where an application starts: a store, an audit sink and a {@link TokenService} over them, from
 * one import.
 *
 * <pre>{@code
 * try (FileTokenStore store = ScopeKey.fileStore(Path.of("scopekey-tokens"));
 *      TokenService tokens = ScopeKey.tokens(store).audit(ScopeKey.slf4jAudit()).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Each factory hands over to the type it names ({@link TokenService#builder},
 * {@link FileTokenStore#open}, {@link JdbcTokenStore#builder}); those stay public because they
 * live in other packages, and nothing here adds a rule of its own.
 */
public final class ScopeKey {
    private ScopeKey() {
    }

    /**
     * Starts building the token service over {@code store}; an audit sink is required.
     *
     * @param store where tokens are kept
     * @return a builder with the defaults of {@link TokenServiceBuilder}
     */
    public static TokenServiceBuilder tokens(TokenStore store) {
        return TokenService.builder(store);
    }

    /**
     * A store in process memory: for tests and for tokens that need not outlive the process.
     *
     * @return an empty store
     */
    public static InMemoryTokenStore memoryStore() {
        return new InMemoryTokenStore();
    }

    /**
     * Opens the token file at {@code file} with the default options, creating it empty (mode
     * {@code 0600}) when it is missing.
     *
     * @param file the token file
     * @return the open store; close it on shutdown
     * @throws dev.scopekey.port.TokenStoreException if the file cannot be created or read
     */
    public static FileTokenStore fileStore(Path file) {
        return FileTokenStore.open(file);
    }

    /**
     * Opens the token file at {@code file}, creating it empty (mode {@code 0600}) when it is missing.
     *
     * @param file the token file
     * @param options re-check interval, clock and warning listener
     * @return the open store; close it on shutdown
     * @throws dev.scopekey.port.TokenStoreException if the file cannot be created or read
     */
    public static FileTokenStore fileStore(Path file, FileTokenStoreOptions options) {
        return FileTokenStore.open(file, options);
    }

    /**
     * Starts building a store over a database; apply the schema first
     * ({@link JdbcTokenStore#migrate}, or your migration tool with the shipped scripts).
     *
     * @param dataSource the database
     * @return a builder with the default cache and timeouts
     */
    public static JdbcTokenStoreBuilder jdbcStore(DataSource dataSource) {
        return JdbcTokenStore.builder(dataSource);
    }

    /**
     * The audit sink that logs every event through SLF4J logger {@code dev.scopekey.audit}.
     *
     * @return a new sink
     */
    public static AuditSink slf4jAudit() {
        return new Slf4jAuditSink();
    }
}
