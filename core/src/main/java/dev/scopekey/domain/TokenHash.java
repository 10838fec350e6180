package dev.scopekey.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The SHA-256 of a token: what stores key records by and what a request is looked up with. Held
 * as 32 bytes in four longs, so equality and hashing cost a few instructions and no text is built
 * on the request path; {@link #hex()} is the form stores persist. {@link #toString()} shows only
 * the first bytes. Immutable and thread-safe.
 */
public final class TokenHash implements Comparable<TokenHash> {
    /** Length of a SHA-256, in bytes. */
    public static final int BYTES = 32;
    /** Length of {@link #hex()}, in characters. */
    public static final int HEX_LENGTH = 2 * BYTES;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int SHOWN_HEX = 8;

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private TokenHash(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /**
     * The SHA-256 of the token's UTF-8 bytes.
     *
     * @param token the plaintext token
     * @return its hash
     */
    public static TokenHash of(String token) {
        return TokenDigest.current().sha256(token);
    }

    /**
     * The hash of a token as it was presented with a request, after one scan of it: null when
     * the text is not 1 to {@value PlainToken#MAX_LENGTH} printable ASCII characters
     * ({@link PlainToken#isWellFormed}), or when it has the minted shape and a wrong check
     * ({@link TokenFormat#hasBadCheck}); then no digest is computed at all.
     *
     * @param credential the credential as sent, possibly null
     * @return its hash, or null when it is refused by its shape
     */
    public static TokenHash ofPresented(String credential) {
        return TokenDigest.current().presented(credential);
    }

    /**
     * The hex SHA-256 of the token, as stores keep it.
     *
     * @param token the plaintext token
     * @return 64 lowercase hex characters
     */
    public static String hexOf(String token) {
        return of(token).hex();
    }

    /**
     * Reads the form stores keep.
     *
     * @param hex 64 lowercase hex characters
     * @return the hash
     * @throws IllegalArgumentException if the text is anything else (the message never repeats it)
     */
    public static TokenHash fromHex(String hex) {
        if (!isHex(hex)) {
            throw new IllegalArgumentException("a token hash is " + HEX_LENGTH + " lowercase hex characters");
        }
        return new TokenHash(word(hex, 0), word(hex, 16), word(hex, 32), word(hex, 48));
    }

    /**
     * Whether {@code text} is the stored form of a hash: 64 lowercase hex characters.
     *
     * @param text any text, possibly null
     * @return whether {@link #fromHex} accepts it
     */
    public static boolean isHex(String text) {
        if (text == null || text.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (nibble(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The hash in {@code digest[0..32)}. */
    static TokenHash ofBytes(byte[] digest) {
        return new TokenHash((long) LONGS.get(digest, 0), (long) LONGS.get(digest, 8), (long) LONGS.get(digest, 16),
                (long) LONGS.get(digest, 24));
    }

    /**
     * The 64 lowercase hex characters stores persist. Built on each call: keep it off the request path.
     *
     * @return the hex form
     */
    public String hex() {
        return hex(HEX_LENGTH);
    }

    /**
     * Compares in time that does not depend on where the hashes differ: for the break-glass token.
     *
     * @param other the other hash, possibly null
     * @return whether both are the same hash
     */
    public boolean matches(TokenHash other) {
        if (other == null) {
            return false;
        }
        return ((w0 ^ other.w0) | (w1 ^ other.w1) | (w2 ^ other.w2) | (w3 ^ other.w3)) == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TokenHash)) {
            return false;
        }
        TokenHash other = (TokenHash) o;
        return w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3;
    }

    /** The hash's own first bits: SHA-256 output is uniform, so nothing needs mixing. */
    @Override
    public int hashCode() {
        return Long.hashCode(w0);
    }

    /** Unsigned order of the bytes, the same as the order of {@link #hex()}. */
    @Override
    public int compareTo(TokenHash other) {
        int c = Long.compareUnsigned(w0, other.w0);
        if (c == 0) {
            c = Long.compareUnsigned(w1, other.w1);
        }
        if (c == 0) {
            c = Long.compareUnsigned(w2, other.w2);
        }
        return c != 0 ? c : Long.compareUnsigned(w3, other.w3);
    }

    /** Only the first {@value #SHOWN_HEX} hex characters, enough to tell hashes apart in a log. */
    @Override
    public String toString() {
        return "TokenHash[" + hex(SHOWN_HEX) + "…]";
    }

    private String hex(int characters) {
        byte[] out = new byte[HEX_LENGTH];
        putHex(out, 0, w0);
        putHex(out, 16, w1);
        putHex(out, 32, w2);
        putHex(out, 48, w3);
        return new String(out, 0, characters, StandardCharsets.ISO_8859_1);
    }

    private static void putHex(byte[] out, int at, long word) {
        for (int i = 0; i < 16; i++) {
            out[at + i] = HEX[(int) (word >>> (60 - 4 * i)) & 0xf];
        }
    }

    private static long word(String hex, int from) {
        long word = 0;
        for (int i = from; i < from + 16; i++) {
            word = (word << 4) | nibble(hex.charAt(i));
        }
        return word;
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
