package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * The secrets a harness watches and the replies it returned: a watched secret may appear only in
 * the one reply that issued it (a mint or rotation answer), in no other body or header value.
 * Thread-safe.
 */
final class ResponseLeakCheck {
    private final Map<String, HttpReply> origins = new LinkedHashMap<>();
    private final List<HttpReply> replies = new ArrayList<>();

    synchronized void watch(String secret) {
        if (secret != null && !secret.isEmpty()) {
            origins.putIfAbsent(secret, null);
        }
    }

    synchronized void issuedIn(String secret, HttpReply origin) {
        origins.put(secret, origin);
    }

    synchronized void saw(HttpReply reply) {
        replies.add(reply);
    }

    synchronized List<HttpReply> replies() {
        return List.copyOf(replies);
    }

    /** A live, read-only view of the watched secrets, for redaction. */
    Collection<String> watched() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<String> iterator() {
                return snapshot().iterator();
            }

            @Override
            public int size() {
                return snapshot().size();
            }
        };
    }

    /** Fails if a watched secret is in a reply other than the one that issued it; names no secret. */
    void verify() {
        Map<String, HttpReply> secrets;
        List<HttpReply> seen;
        synchronized (this) {
            secrets = new LinkedHashMap<>(origins);
            seen = List.copyOf(replies);
        }
        for (Map.Entry<String, HttpReply> secret : secrets.entrySet()) {
            for (int i = 0; i < seen.size(); i++) {
                HttpReply reply = seen.get(i);
                if (reply != secret.getValue() && carries(reply, secretPart(secret.getKey()))) {
                    throw new AssertionFailedError("a watched token (" + describe(secret.getKey())
                            + ") appeared in response " + (i + 1) + " of " + seen.size() + " (status " + reply.status()
                            + "), which did not issue it; no response may repeat a token");
                }
            }
        }
    }

    private synchronized Set<String> snapshot() {
        return Set.copyOf(origins.keySet());
    }

    private static boolean carries(HttpReply reply, String secret) {
        if (reply.body().contains(secret)) {
            return true;
        }
        for (List<String> values : reply.headers().values()) {
            for (String value : values) {
                if (value.contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What counts as the secret: the random part of a minted token, all of any other. */
    private static String secretPart(String secret) {
        return PlainToken.isWellFormed(secret) ? SecretLeakGuard.secretPart(PlainToken.of(secret)) : secret;
    }

    private static String describe(String secret) {
        return PlainToken.isWellFormed(secret) ? "prefix " + PlainToken.of(secret).prefix() : "not a well-formed token";
    }
}
