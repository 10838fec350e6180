package dev.scopekey.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server started from Maven Central binaries, listening on loopback only:
 * the fallback when no server URL is given, and the server the outage tests stop.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** One server for the whole test run, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = start(null, 0);
        }
        return shared;
    }

    /**
     * A server of its own; with a data directory it keeps its data across a stop and a start
     * on the same port.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port != 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** The superuser's URL of the {@code postgres} database, over loopback TCP. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
    }
}
