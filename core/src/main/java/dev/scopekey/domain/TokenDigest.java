package dev.scopekey.domain;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * One thread's SHA-256 and CRC32 with their buffers, so hashing a presented token allocates
 * nothing but its {@link TokenHash}. The one scan of a presented token is here: it checks the
 * characters and the minted shape, copies the token once into the buffer, and feeds that copy to
 * the CRC32 and then, only if the check matches, to the SHA-256. Each instance is confined to
 * its thread.
 */
final class TokenDigest {
    private static final ThreadLocal<TokenDigest> CURRENT = ThreadLocal.withInitial(TokenDigest::new);

    private final MessageDigest sha256 = newSha256();
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[PlainToken.MAX_LENGTH];
    private final byte[] out = new byte[TokenHash.BYTES];

    private TokenDigest() {
    }

    static TokenDigest current() {
        return CURRENT.get();
    }

    /** Whether {@code text} has the stored form of a hash, 64 lowercase hex characters. */
    static boolean isHash(String text) {
        return TokenHash.isHex(text);
    }

    /** Compares two strings in time that depends only on their lengths. */
    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    TokenHash sha256(String token) {
        sha256.update(token.getBytes(StandardCharsets.UTF_8));
        return finish();
    }

    /** See {@link TokenHash#ofPresented}. */
    TokenHash presented(String text) {
        int length = text == null ? 0 : text.length();
        if (length == 0 || length > PlainToken.MAX_LENGTH) {
            return null;
        }
        int shape = TokenFormat.copyAndClassify(text, buffer);
        if (shape == TokenFormat.NOT_PRINTABLE) {
            return null;
        }
        if (shape == TokenFormat.MINTED_SHAPE && !checkMatches(length)) {
            return null;
        }
        sha256.update(buffer, 0, length);
        return finish();
    }

    /** CRC32 over the first {@code length} characters of ASCII {@code text}, copied into the buffer. */
    long crc(CharSequence text, int length) {
        byte[] bytes = length <= buffer.length ? buffer : new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        crc.reset();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private boolean checkMatches(int length) {
        int checkStart = length - TokenFormat.CHECK_LENGTH;
        crc.reset();
        crc.update(buffer, 0, checkStart);
        return TokenFormat.checkMatches(buffer, checkStart, crc.getValue());
    }

    private TokenHash finish() {
        try {
            sha256.digest(out, 0, TokenHash.BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 is 32 bytes", e);
        }
        return TokenHash.ofBytes(out);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
