package dev.scopekey.domain;

/** A scope string that breaks the scope grammar. The message says which rule, not the input. */
public final class InvalidScopeException extends ScopeKeyException {
    private static final long serialVersionUID = 1L;

    /**
     * A scope text that does not follow the grammar.
     *
     * @param message what is wrong, never with a secret
     */
    public InvalidScopeException(String message) {
        super(message);
    }
}
