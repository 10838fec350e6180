package dev.scopekey.port;

/** An insert whose prefix or hash the store already holds; nothing was written. */
public final class DuplicateTokenException extends TokenStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * A change would insert a prefix or hash the store already holds.
     *
     * @param prefix the display prefix that is taken
     */
    public DuplicateTokenException(String prefix) {
        super("a token with prefix " + prefix + " already exists");
    }
}
