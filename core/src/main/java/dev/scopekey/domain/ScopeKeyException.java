package dev.scopekey.domain;

/**
 * Root of every exception scopekey throws. Messages name what went wrong and never carry a
 * token, a secret or a hash.
 */
public class ScopeKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error without an underlying exception.
     *
     * @param message what went wrong, never with a secret
     */
    public ScopeKeyException(String message) {
        super(message);
    }

    /**
     * An error caused by another exception.
     *
     * @param message what went wrong, never with a secret
     * @param cause the underlying failure
     */
    public ScopeKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
