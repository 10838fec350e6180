package dev.scopekey.port;

import dev.scopekey.domain.ScopeKeyException;

/**
 * A store could not do what was asked: the file could not be written, the database is down.
 * Authentication turns it into {@code Unavailable}; mutations fail with it and change nothing.
 */
public class TokenStoreException extends ScopeKeyException {
    private static final long serialVersionUID = 1L;

    /**
     * A store failure without an underlying exception.
     *
     * @param message what failed, never with a secret
     */
    public TokenStoreException(String message) {
        super(message);
    }

    /**
     * A store failure caused by another exception.
     *
     * @param message what failed, never with a secret
     * @param cause the underlying failure
     */
    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
