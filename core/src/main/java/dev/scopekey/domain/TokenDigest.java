package dev.scopekey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a token, as stores keep it: 64 lowercase hex characters. Thread-safe. */
public final class TokenDigest {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenDigest::newDigest);

    private TokenDigest() {
    }

    /**
     * The hex SHA-256 of the token's UTF-8 bytes.
     *
     * @param token the plaintext token
     * @return its hex SHA-256
     */
    public static String sha256Hex(String token) {
        MessageDigest digest = SHA256.get();
        byte[] hash = digest.digest(token.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Whether {@code text} has the shape of a stored hash (64 lowercase hex characters).
     *
     * @param text any text, possibly null
     * @return whether it is a hex SHA-256
     */
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares two strings in time that depends only on their lengths.
     *
     * @param a one text
     * @param b the other
     * @return whether they are equal
     */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
