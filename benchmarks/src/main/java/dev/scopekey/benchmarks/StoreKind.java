package dev.scopekey.benchmarks;

import dev.scopekey.port.TokenStore;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The stores {@link AuthorizeBenchmark} compares, each as a deployment would open it. */
enum StoreKind {
    /** {@link InMemoryTokenStore}. */
    MEMORY {
        @Override
        TokenStore open(Path workDir) {
            return new InMemoryTokenStore();
        }
    },
    /** {@link FileTokenStore} over a real token file in a temporary directory. */
    FILE {
        @Override
        TokenStore open(Path workDir) {
            return FileTokenStore.open(workDir.resolve("tokens"));
        }
    },
    /** {@link JdbcTokenStore} over an in-memory H2 database, with its default cache. */
    JDBC {
        @Override
        TokenStore open(Path workDir) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + workDir.getFileName() + ";DB_CLOSE_DELAY=-1");
            JdbcTokenStore store = JdbcTokenStore.builder(dataSource).build();
            store.migrate();
            return store;
        }
    };

    /** Opens an empty store; {@code workDir} is a fresh temporary directory it may use. */
    abstract TokenStore open(Path workDir);

    /** A fresh temporary directory for {@link #open}. */
    static Path workDir() {
        try {
            return Files.createTempDirectory("scopekey-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
