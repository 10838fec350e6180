package dev.scopekey.servlet;

import dev.scopekey.domain.ScopeKeyException;

/**
 * A call that acts for a caller has no credential of that caller to use. Its message is always
 * {@link CallerCredentials#AUTHENTICATION_REQUIRED}; map it to a 401 for the caller.
 */
public final class AuthenticationRequiredException extends ScopeKeyException {
    private static final long serialVersionUID = 1L;

    AuthenticationRequiredException() {
        super(CallerCredentials.AUTHENTICATION_REQUIRED);
    }
}
