package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds every secret a test knows (minted tokens, legacy and admin tokens) and every response
 * body and log line it saw, and fails unless each secret appears in exactly the responses
 * allowed to carry it: the one mint or rotation answer that created it, and nowhere else (no
 * other body, no log output on stderr).
 */
final class SecretWatch implements AutoCloseable {
    private final Map<String, Reply> secrets = new java.util.LinkedHashMap<>();
    private final Map<Reply, Boolean> bodies = new IdentityHashMap<>();
    private final List<Reply> seen = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;

    SecretWatch() {
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
    }

    /** A secret no response may ever carry. */
    void secret(String token) {
        secrets.putIfAbsent(token, null);
    }

    /** A secret that {@code origin} (its mint answer) carries, and no other response. */
    void minted(String token, Reply origin) {
        secrets.put(token, origin);
    }

    void saw(Reply reply) {
        synchronized (seen) {
            seen.add(reply);
            bodies.put(reply, Boolean.TRUE);
        }
    }

    /** Fails the test if a secret leaked into a response body or the log. */
    void verify() {
        String logged = log.toString(StandardCharsets.UTF_8);
        for (Map.Entry<String, Reply> secret : secrets.entrySet()) {
            for (Reply reply : seen) {
                if (reply != secret.getValue() && reply.body() != null && reply.body().contains(secret.getKey())) {
                    fail("a token leaked into a response body: status " + reply.status());
                }
            }
            if (logged.contains(secret.getKey())) {
                fail("a token leaked into the log output");
            }
        }
    }

    /** Everything written to stderr (the log) so far. */
    String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    int responsesSeen() {
        return seen.size();
    }

    @Override
    public void close() {
        System.setErr(originalErr);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) {
            try {
                first.write(b);
            } catch (java.io.IOException ignored) {
                // the copy for the check is what matters
            }
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            try {
                first.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the copy for the check is what matters
            }
            second.write(b, off, len);
        }
    }
}
