package dev.scopekey.spring;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The token store could not answer, so whether a token is valid is unknown: an infrastructure
 * failure, answered with 503 by {@link ScopeKeyOutageFilter}, never treated as a bad token. Its
 * message names no token and no cause detail.
 */
public final class ScopeKeyUnavailableException extends AuthenticationServiceException {
    private static final long serialVersionUID = 1L;

    /** The one message: the store is unavailable. */
    public ScopeKeyUnavailableException() {
        super("the token store is unavailable");
    }
}
