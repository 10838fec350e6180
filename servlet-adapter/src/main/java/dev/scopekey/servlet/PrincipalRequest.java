package dev.scopekey.servlet;

import dev.scopekey.domain.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request authenticated by a token: {@link #getUserPrincipal()} is the {@link TokenPrincipal}
 * and {@link #isUserInRole(String)} asks whether its scopes grant the role read as a scope.
 */
final class PrincipalRequest extends HttpServletRequestWrapper {
    /** The value of {@link #getAuthType()}. */
    static final String AUTH_TYPE = "Bearer";

    private final TokenPrincipal principal;

    PrincipalRequest(HttpServletRequest request, TokenPrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    /** Whether the token's scopes grant {@code role} as a concrete scope; fails closed. */
    @Override
    public boolean isUserInRole(String role) {
        return principal.hasScope(role);
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
