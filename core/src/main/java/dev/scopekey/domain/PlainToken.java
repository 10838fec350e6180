package dev.scopekey.domain;

/**
 * A token's plaintext, with its display prefix and hash. Either minted (it has the
 * {@link TokenFormat} shape and a valid check) or legacy (any other string an operator put in
 * a token file). {@link #toString()} shows the prefix only.
 */
public final class PlainToken {
    /** Longest legacy display prefix, in characters. */
    public static final int LEGACY_PREFIX_LENGTH = 8;
    /** Longest token accepted, in characters. */
    public static final int MAX_LENGTH = 1024;

    private final String value;
    private final String prefix;
    private final boolean minted;
    private volatile String hash;

    private PlainToken(String value, String prefix, boolean minted) {
        this.value = value;
        this.prefix = prefix;
        this.minted = minted;
    }

    /**
     * Wraps a token's text.
     *
     * @param text the token as presented
     * @return the token
     * @throws IllegalArgumentException if the text is empty, longer than {@value #MAX_LENGTH},
     *     or holds characters outside printable ASCII (the message never repeats the text)
     */
    public static PlainToken of(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("a token is 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        if (TokenFormat.isValidMinted(text)) {
            return new PlainToken(text, TokenFormat.mintedPrefix(text), true);
        }
        return new PlainToken(text, legacyPrefix(text), false);
    }

    /**
     * Whether {@code text} is 1 to {@value #MAX_LENGTH} printable ASCII characters, without spaces.
     *
     * @param text any text, possibly null
     * @return whether it may be a token
     */
    public static boolean isWellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /**
     * The display prefix of a legacy token: its first {@value #LEGACY_PREFIX_LENGTH} characters,
     * but never more than half of it, so a short token is never shown whole.
     *
     * @param text the legacy token
     * @return its display prefix
     */
    public static String legacyPrefix(String text) {
        return text.substring(0, Math.min(LEGACY_PREFIX_LENGTH, text.length() / 2));
    }

    /**
     * The plaintext. Handle with care: never log it.
     *
     * @return the plaintext, for the one place that shows or sends it
     */
    public String reveal() {
        return value;
    }

    /**
     * The display prefix, safe to show and log.
     *
     * @return the prefix
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Whether this token has the minted format; false for legacy tokens.
     *
     * @return whether the token has the minted shape
     */
    public boolean isMinted() {
        return minted;
    }

    /**
     * The SHA-256 the stores keep, computed once.
     *
     * @return the hex SHA-256 of the token
     */
    public String hash() {
        String h = hash;
        if (h == null) {
            h = TokenHash.hexOf(value);
            hash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlainToken && TokenDigest.constantTimeEquals(((PlainToken) o).value, value);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode();
    }

    @Override
    public String toString() {
        return "PlainToken[prefix=" + prefix + ", secret=redacted]";
    }
}
