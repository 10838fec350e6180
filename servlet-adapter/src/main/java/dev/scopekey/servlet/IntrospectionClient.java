package dev.scopekey.servlet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The operator's client credential for the introspection endpoint, as HTTP Basic carries it
 * (RFC 7617, {@code client_id:client_secret}). Only the SHA-256 of {@code id:secret} is kept, and
 * a presented credential is compared by its digest in constant time, so neither its length nor
 * its first differing byte shows in the time an answer takes. It is accepted as sent and with id
 * and secret form-decoded, since RFC 6749 §2.3.1 has clients form-encode them first (Spring's
 * introspector builder does, its older constructor does not); both comparisons always run. Immutable and thread-safe;
 * {@link #toString()} names the client id only.
 */
final class IntrospectionClient {
    private static final String BASIC = "basic";
    private final String id;
    private final byte[] digest;

    private IntrospectionClient(String id, byte[] digest) {
        this.id = id;
        this.digest = digest;
    }

    /**
     * The credential {@code id:secret}.
     *
     * @throws IllegalArgumentException if the id is not 1 to 100 printable ASCII characters
     *     without {@code :}, or the secret is empty
     */
    static IntrospectionClient of(String id, String secret) {
        checkId(id);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the client secret is empty");
        }
        return new IntrospectionClient(id, sha256((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks a client id: a Basic user-id cannot hold {@code :} (RFC 7617 §2).
     *
     * @throws IllegalArgumentException if it is not 1 to 100 printable ASCII characters without {@code :}
     */
    static void checkId(String id) {
        if (id == null || !id.matches("[\\x21-\\x7e&&[^:]]{1,100}")) {
            throw new IllegalArgumentException("client-id is 1 to 100 printable ASCII characters without ':' or "
                    + "spaces");
        }
    }

    /** Whether an {@code Authorization} header value uses the Basic scheme (any case). */
    static boolean isBasic(String header) {
        String value = header.strip();
        return value.length() >= BASIC.length() && value.regionMatches(true, 0, BASIC, 0, BASIC.length())
                && (value.length() == BASIC.length() || value.charAt(BASIC.length()) == ' ');
    }

    /**
     * Whether a Basic {@code Authorization} header value carries exactly this credential; an
     * undecodable one never does.
     */
    boolean matches(String header) {
        String payload = header.strip().substring(BASIC.length()).strip();
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean asSent = MessageDigest.isEqual(digest, sha256(presented));
        boolean formDecoded = MessageDigest.isEqual(digest, sha256(formDecoded(presented)));
        return asSent | formDecoded;
    }

    /** {@code id:secret} with both halves form-decoded; the bytes as they are when that fails. */
    private static byte[] formDecoded(byte[] presented) {
        String text = new String(presented, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return presented;
        }
        try {
            return (URLDecoder.decode(text.substring(0, colon), StandardCharsets.UTF_8) + ":"
                    + URLDecoder.decode(text.substring(colon + 1), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return presented;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "IntrospectionClient[" + id + "]";
    }
}
