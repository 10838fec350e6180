package dev.scopekey.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server started from Maven Central binaries, listening on loopback only, one
 * for the whole test run: the contract's server when no server URL is given.
 */
final class EmbeddedPostgresServer {
    private static EmbeddedPostgres shared;

    private EmbeddedPostgresServer() {
    }

    /** The superuser's URL of the shared server's {@code postgres} database, starting it on first use. */
    static synchronized String url() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
                shared = postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + shared.getPort() + "/postgres?user=postgres";
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException stopping) {
            // the JVM is exiting; the server's own shutdown hook stops it too
        }
    }
}
