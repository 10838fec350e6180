package dev.scopekey.store.jdbc;

import dev.scopekey.port.TokenStoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes cache invalidations between instances on PostgreSQL: every change NOTIFYs the hashes
 * it touched (delivered on commit), and a daemon thread LISTENs on a dedicated connection
 * and drops those hashes from this instance's cache at once. Each notification carries the
 * sending store's id, so a store skips its own (it invalidated them locally on commit). The driver's notification API is
 * reached reflectively through {@link Connection#unwrap}, so no compile dependency on it
 * exists; without it (another database, an old driver) the cache TTL alone bounds staleness.
 * After every (re)connection the whole cache is dropped, since notifications may have been missed.
 */
final class PostgresInvalidations implements AutoCloseable {
    static final String CHANNEL = "scopekey_tokens";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresInvalidations.class);
    private static final int POLL_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Database database;
    private final TokenCache cache;
    private final String ownId;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean listening;

    private PostgresInvalidations(Database database, TokenCache cache, String ownId) {
        this.database = database;
        this.cache = cache;
        this.ownId = ownId;
        this.thread = new Thread(this::run, "scopekey-pg-invalidations");
        this.thread.setDaemon(true);
    }

    /** Starts listening in the background; the thread ends by itself if the database is not PostgreSQL. */
    static PostgresInvalidations start(Database database, TokenCache cache, String ownId) {
        PostgresInvalidations listener = new PostgresInvalidations(database, cache, ownId);
        listener.thread.start();
        return listener;
    }

    /** Sends one notification {@code "<senderId> <hash>"} per hash, inside the caller's transaction. */
    static void notify(Database database, Connection connection, String senderId, Collection<String> hashes)
            throws SQLException {
        Array array = connection.createArrayOf("text", hashes.toArray());
        try (PreparedStatement statement = database.prepare(connection,
                "SELECT pg_notify('" + CHANNEL + "', ? || ' ' || h) FROM unnest(?::text[]) AS h")) {
            statement.setString(1, senderId);
            statement.setArray(2, array);
            statement.execute();
        } finally {
            array.free();
        }
    }

    /** Whether a LISTEN connection is up right now. */
    boolean isListening() {
        return listening;
    }

    /** Whether the listening thread still runs (it ends on close, or at once off PostgreSQL). */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** Stops the thread and closes its connection; waits briefly for it to end. */
    @Override
    public void close() {
        running = false;
        stopped.countDown();
        try {
            thread.join(2L * POLL_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoff = 100;
        boolean warned = false;
        while (running) {
            try (Connection connection = database.dataSource().getConnection()) {
                if (!isPostgres(connection)) {
                    return;
                }
                Receiver receiver = Receiver.of(connection);
                if (receiver == null) {
                    LOG.info("PostgreSQL driver offers no notification API; revocations reach other instances "
                            + "within the cache TTL only");
                    return;
                }
                listen(connection, receiver);
                backoff = 100;
                warned = false;
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                listening = false;
                if (running && !warned) {
                    LOG.warn("scopekey lost its PostgreSQL LISTEN connection ({}); retrying, the cache TTL bounds "
                            + "staleness meanwhile", e.getClass().getSimpleName());
                    warned = true;
                }
            }
            listening = false;
            if (running) {
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        try {
            return database.dialect(connection) == Dialect.POSTGRESQL;
        } catch (TokenStoreException unsupported) {
            return false;
        }
    }

    private void listen(Connection connection, Receiver receiver) throws SQLException, ReflectiveOperationException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        try {
            cache.invalidateAll();
            listening = true;
            receive(receiver);
        } finally {
            listening = false;
            unlisten(connection);
        }
    }

    private void receive(Receiver receiver) throws SQLException, ReflectiveOperationException {
        while (running) {
            List<String> hashes = new ArrayList<>();
            for (String payload : receiver.poll(POLL_MILLIS)) {
                int space = payload.indexOf(' ');
                if (space < 0) {
                    hashes.add(payload);
                } else if (!payload.substring(0, space).equals(ownId)) {
                    hashes.add(payload.substring(space + 1));
                }
            }
            if (!hashes.isEmpty()) {
                cache.invalidate(hashes);
            }
        }
    }

    /** A pooled connection must not go back to the pool still listening: PostgreSQL would queue for it. */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        } catch (SQLException ignored) {
            // a broken connection listens no more
        }
    }

    /** Waits {@code millis}, or less if the listener is closed meanwhile. */
    private void sleep(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code org.postgresql.PGConnection#getNotifications(int)}, reached by reflection. */
    private static final class Receiver {
        private final Object connection;
        private final Method getNotifications;
        private final Method getParameter;

        private Receiver(Object connection, Method getNotifications, Method getParameter) {
            this.connection = connection;
            this.getNotifications = getNotifications;
            this.getParameter = getParameter;
        }

        /** The receiver for this connection, or null if its driver has no such API. */
        static Receiver of(Connection connection) throws SQLException {
            for (ClassLoader loader : loaders(connection)) {
                try {
                    Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false, loader);
                    if (!connection.isWrapperFor(pgConnection)) {
                        continue;
                    }
                    Class<?> notification = Class.forName("org.postgresql.PGNotification", false, loader);
                    return new Receiver(connection.unwrap(pgConnection),
                            pgConnection.getMethod("getNotifications", int.class),
                            notification.getMethod("getParameter"));
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                    // not visible from this loader, or a driver too old to wait for notifications
                }
            }
            return null;
        }

        List<String> poll(int millis) throws SQLException, ReflectiveOperationException {
            Object[] notifications;
            try {
                notifications = (Object[]) getNotifications.invoke(connection, millis);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException) {
                    throw (SQLException) e.getCause();
                }
                throw e;
            }
            if (notifications == null || notifications.length == 0) {
                return List.of();
            }
            List<String> hashes = new ArrayList<>(notifications.length);
            for (Object notification : notifications) {
                hashes.add((String) getParameter.invoke(notification));
            }
            return hashes;
        }

        private static List<ClassLoader> loaders(Connection connection) {
            List<ClassLoader> loaders = new ArrayList<>(3);
            for (ClassLoader loader : new ClassLoader[] {connection.getClass().getClassLoader(),
                    Thread.currentThread().getContextClassLoader(), Receiver.class.getClassLoader()}) {
                if (loader != null && !loaders.contains(loader)) {
                    loaders.add(loader);
                }
            }
            return loaders;
        }
    }
}
