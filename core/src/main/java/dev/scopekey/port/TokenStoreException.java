package dev.scopekey.port;

import dev.scopekey.domain.ScopeKeyException;

/**
 * A store could not do what was asked: the file could not be written, the database is down.
 * Authentication turns it into {@code Unavailable}; mutations fail with it and change nothing.
 */
public class TokenStoreException extends ScopeKeyException {
    private static final long serialVersionUID = 1L;

    public TokenStoreException(String message) {
        super(message);
    }

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
