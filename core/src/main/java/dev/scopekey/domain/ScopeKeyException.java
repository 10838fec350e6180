package dev.scopekey.domain;

/**
 * Root of every exception scopekey throws. Messages name what went wrong and never carry a
 * token, a secret or a hash.
 */
public class ScopeKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScopeKeyException(String message) {
        super(message);
    }

    public ScopeKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
