package dev.scopekey.cli;

import dev.scopekey.domain.FailureText;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.file.FileTokenStoreOptions;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Opens the real stores: a token file, or a database through {@link DriverManager} with the
 * driver from the class path (user and password from the URL, or from
 * {@value #USER_ENV} and {@value #PASSWORD_ENV}). A missing token file is an error unless the
 * spec asks to create it; a file group or others may read, and skipped token-file lines (by
 * line number, never by content), are reported on stderr.
 */
final class Stores implements StoreOpener {
    /** Environment variable holding the database user, so it need not be in the URL. */
    static final String USER_ENV = "SCOPEKEY_JDBC_USER";
    /** Environment variable holding the database password, so it shows in no process list. */
    static final String PASSWORD_ENV = "SCOPEKEY_JDBC_PASSWORD";

    private final Map<String, String> env;
    private final PrintStream warnings;

    Stores(Map<String, String> env, PrintStream warnings) {
        this.env = Map.copyOf(env);
        this.warnings = warnings;
    }

    @Override
    public TokenStore open(StoreSpec spec) {
        return spec.kind() == StoreSpec.Kind.FILE ? openFile(spec.location(), spec.create()) : openDatabase(spec.location());
    }

    private TokenStore openFile(String location, boolean create) {
        Path path;
        try {
            path = Path.of(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new TokenStoreException("the token file path is not valid on this system");
        }
        if (!Files.exists(path) && !create) {
            throw new TokenStoreException("there is no token file " + real(path) + "; check the path, or pass --create "
                    + "to create it (mint --init also does)");
        }
        FileTokenStore store = FileTokenStore.open(path, FileTokenStoreOptions.defaults().withWarningListener(warning ->
                warnings.println("warning: token file " + warning + "; the line is ignored and kept as written")));
        if (store.isReadableByOthers()) {
            warnings.println("warning: the token file " + FailureText.redact(real(path).toString()) + " is readable by group or others; run chmod 600 "
                    + "on it (the store also makes it 0600 on its next write)");
        }
        return store;
    }

    /** The path with symbolic links resolved, as far as they can be (a missing file's directory). */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            Path parent = path.getParent();
            if (parent == null || path.getFileName() == null) {
                return path;
            }
            return real(parent).resolve(path.getFileName());
        }
    }

    private TokenStore openDatabase(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new TokenStoreException("no JDBC driver on the class path accepts this URL; run "
                    + "java -cp scopekey-core.jar:<driver.jar> dev.scopekey.cli.ScopeKeyCli <command> ...");
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, env.get(USER_ENV), env.get(PASSWORD_ENV));
        return JdbcTokenStore.builder(dataSource)
                .cacheTtl(Duration.ZERO)
                .listenForChanges(false)
                .build();
    }
}
