package dev.scopekey.domain;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The minted token format {@code <brand>_<id><secret><check>}: a brand of
 * {@code [a-z][a-z0-9]{1,15}}, a 12-character id and a 32-character secret in base62, and 6
 * base62 characters of CRC32 over everything before them. The display prefix is
 * {@code <brand>_<id>}.
 *
 * <p>Tokens of this shape are recognised whatever their brand, so a token minted before a
 * brand change keeps working. Immutable and thread-safe.
 */
public final class TokenFormat {
    /** Brand used when none is configured. */
    public static final String DEFAULT_BRAND = "sk";
    /** Characters of the id, in base62. */
    public static final int ID_LENGTH = 12;
    /** Characters of the secret, in base62. */
    public static final int SECRET_LENGTH = 32;
    /** Characters of the check (CRC32 in base62). */
    public static final int CHECK_LENGTH = 6;
    private static final int BODY_LENGTH = ID_LENGTH + SECRET_LENGTH + CHECK_LENGTH;
    private static final int MIN_BRAND = 2;
    private static final int MAX_BRAND = 16;
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final boolean[] IS_BASE62 = new boolean[128];

    /** {@link #copyAndClassify}: a character outside printable ASCII without space. */
    static final int NOT_PRINTABLE = -1;
    /** {@link #copyAndClassify}: printable, but not the minted shape (a legacy token, say). */
    static final int OTHER_SHAPE = 0;
    /** {@link #copyAndClassify}: the minted shape; its check is still to be verified. */
    static final int MINTED_SHAPE = 1;
    private static final int PRINTABLE = 1;
    private static final int BRAND_CHAR = 2;
    private static final int BASE62_CHAR = 4;
    private static final int LOWER = 8;
    private static final int ALL_CLASSES = PRINTABLE | BRAND_CHAR | BASE62_CHAR | LOWER;
    private static final byte[] CLASSES = new byte[128];
    /** The digit each base62 character stands for; 0 for any other character. */
    private static final byte[] VALUES = new byte[128];

    static {
        for (int i = 0; i < BASE62.length; i++) {
            IS_BASE62[BASE62[i]] = true;
            VALUES[BASE62[i]] = (byte) i;
        }
        for (char c = '!'; c <= '~'; c++) {
            int bits = PRINTABLE;
            if (c >= 'a' && c <= 'z') {
                bits |= BRAND_CHAR | LOWER;
            } else if (c >= '0' && c <= '9') {
                bits |= BRAND_CHAR;
            }
            if (IS_BASE62[c]) {
                bits |= BASE62_CHAR;
            }
            CLASSES[c] = (byte) bits;
        }
    }

    private final String brand;

    private TokenFormat(String brand) {
        this.brand = brand;
    }

    /**
     * The format with brand {@value #DEFAULT_BRAND}.
     *
     * @return the format
     */
    public static TokenFormat standard() {
        return new TokenFormat(DEFAULT_BRAND);
    }

    /**
     * The format with the given brand.
     *
     * @param brand the brand
     * @return the format
     * @throws IllegalArgumentException if the brand is not {@code [a-z][a-z0-9]{1,15}}
     */
    public static TokenFormat withBrand(String brand) {
        if (!isBrand(brand, brand == null ? 0 : brand.length())) {
            throw new IllegalArgumentException("brand must match [a-z][a-z0-9]{1,15}");
        }
        return new TokenFormat(brand);
    }

    /**
     * The brand this format mints.
     *
     * @return the brand
     */
    public String brand() {
        return brand;
    }

    /**
     * Mints a fresh token from {@code random}.
     *
     * @param random the source of the id and the secret
     * @return the new token
     */
    public PlainToken generate(SecureRandom random) {
        StringBuilder text = new StringBuilder(brand.length() + 1 + BODY_LENGTH);
        text.append(brand).append('_');
        for (int i = 0; i < ID_LENGTH + SECRET_LENGTH; i++) {
            text.append(BASE62[random.nextInt(BASE62.length)]);
        }
        appendCheck(text, crc(text, text.length()));
        return PlainToken.of(text.toString());
    }

    /**
     * Whether {@code text} has the minted shape (brand, underscore, 50 base62 characters).
     *
     * @param text any text, possibly null
     * @return whether it has the shape
     */
    public static boolean hasMintedShape(String text) {
        return brandEnd(text) != -1;
    }

    /**
     * Whether {@code text} has the minted shape and its check characters match.
     *
     * @param text any text, possibly null
     * @return whether it is a valid minted token
     */
    public static boolean isValidMinted(String text) {
        return hasMintedShape(text) && checkMatches(text);
    }

    /**
     * The display prefix of a valid minted token, {@code <brand>_<id>}: what an audit event may
     * name for a token it denied. Any other text has none, so no part of it is ever logged.
     *
     * @param text any text, possibly null
     * @return the prefix, or empty unless the text is a valid minted token
     */
    public static Optional<String> displayPrefix(String text) {
        int underscore = brandEnd(text);
        if (underscore == -1 || !checkMatches(text)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, underscore + 1 + ID_LENGTH));
    }

    /**
     * Whether a text has the minted shape but a wrong check: such a token is rejected before
     * any store is asked. One pass over the text.
     *
     * @param text any text, possibly null
     * @return whether it has the shape and a wrong check
     */
    public static boolean hasBadCheck(String text) {
        return hasMintedShape(text) && !checkMatches(text);
    }

    /**
     * The one scan of a presented token (its length already checked to be 1 to
     * {@link PlainToken#MAX_LENGTH}): copies its characters into {@code buffer} as bytes and
     * classifies it by a table, with the same answers as {@link PlainToken#isWellFormed} and
     * {@link #hasMintedShape}. The minted shape fixes where its underscore must be, so the brand,
     * the underscore and the body are each one branch-free loop.
     *
     * @return {@link #NOT_PRINTABLE}, {@link #OTHER_SHAPE} or {@link #MINTED_SHAPE}
     */
    static int copyAndClassify(String text, byte[] buffer) {
        int length = text.length();
        int underscore = length - 1 - BODY_LENGTH;
        if (underscore < MIN_BRAND || underscore > MAX_BRAND) {
            return (copy(text, 0, length, buffer) & PRINTABLE) == 0 ? NOT_PRINTABLE : OTHER_SHAPE;
        }
        int brand = copy(text, 0, underscore, buffer);
        int separator = copy(text, underscore, underscore + 1, buffer);
        int body = copy(text, underscore + 1, length, buffer);
        if ((brand & separator & body & PRINTABLE) == 0) {
            return NOT_PRINTABLE;
        }
        boolean minted = (brand & BRAND_CHAR) != 0 && buffer[underscore] == '_' && (body & BASE62_CHAR) != 0
                && (CLASSES[buffer[0]] & LOWER) != 0;
        return minted ? MINTED_SHAPE : OTHER_SHAPE;
    }

    /**
     * Copies {@code text[from..to)} into {@code buffer} and answers the classes all its characters
     * share: 0 (no {@link #PRINTABLE}) when any is outside printable ASCII, so a character above
     * 0xFF, which the byte copy would truncate, is refused.
     */
    private static int copy(String text, int from, int to, byte[] buffer) {
        int shared = ALL_CLASSES;
        int high = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            high |= c;
            shared &= CLASSES[c & 0x7f];
            buffer[i] = (byte) c;
        }
        return high <= 0x7f ? shared : 0;
    }

    /**
     * Whether the check characters at {@code text[checkStart..]}, base62 characters already, are
     * the base62 of {@code crc}: they are read as a number (six base62 digits hold any CRC32
     * exactly, so the number and the CRC are equal just when the characters are).
     */
    static boolean checkMatches(byte[] text, int checkStart, long crc) {
        long value = 0;
        for (int i = checkStart; i < checkStart + CHECK_LENGTH; i++) {
            value = value * BASE62.length + VALUES[text[i]];
        }
        return value == crc;
    }

    private static boolean checkMatches(String text) {
        int checkStart = text.length() - CHECK_LENGTH;
        long rest = crc(text, checkStart);
        for (int i = text.length() - 1; i >= checkStart; i--) {
            if (text.charAt(i) != BASE62[(int) (rest % BASE62.length)]) {
                return false;
            }
            rest /= BASE62.length;
        }
        return true;
    }

    /**
     * Whether {@code text} is a display prefix of the minted shape, {@code <brand>_<id>} (a brand,
     * an underscore and 12 base62 characters), and so never a whole token: such a text may be
     * named in an audit event.
     *
     * @param text any text, possibly null
     * @return whether it is a minted display prefix
     */
    public static boolean isMintedPrefix(String text) {
        int underscore = text == null ? -1 : text.indexOf('_');
        if (underscore < MIN_BRAND || text.length() != underscore + 1 + ID_LENGTH || !isBrand(text, underscore)) {
            return false;
        }
        for (int i = underscore + 1; i < text.length(); i++) {
            if (!isBase62(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The display prefix of a minted-shape token: {@code <brand>_<id>}. */
    static String mintedPrefix(String text) {
        return text.substring(0, brandEnd(text) + 1 + ID_LENGTH);
    }

    /** Index of the underscore after the brand if the text has the minted shape, else -1. */
    private static int brandEnd(String text) {
        if (text == null) {
            return -1;
        }
        int underscore = text.indexOf('_');
        if (underscore < MIN_BRAND || underscore > MAX_BRAND || text.length() != underscore + 1 + BODY_LENGTH) {
            return -1;
        }
        if (!isBrand(text, underscore)) {
            return -1;
        }
        for (int i = underscore + 1; i < text.length(); i++) {
            if (!isBase62(text.charAt(i))) {
                return -1;
            }
        }
        return underscore;
    }

    /** Whether {@code text[0..length)} is a brand. */
    private static boolean isBrand(String text, int length) {
        if (text == null || length < MIN_BRAND || length > MAX_BRAND) {
            return false;
        }
        char first = text.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase62(char c) {
        return c < IS_BASE62.length && IS_BASE62[c];
    }

    /**
     * CRC32 over the first {@code length} characters, which are ASCII by the time it is called:
     * through this thread's buffer and CRC, so checking a token allocates nothing.
     */
    private static long crc(CharSequence text, int length) {
        return TokenDigest.current().crc(text, length);
    }

    private static void appendCheck(StringBuilder out, long value) {
        char[] digits = new char[CHECK_LENGTH];
        long rest = value;
        for (int i = CHECK_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62[(int) (rest % BASE62.length)];
            rest /= BASE62.length;
        }
        out.append(digits);
    }

    @Override
    public String toString() {
        return "TokenFormat[brand=" + brand + "]";
    }
}
