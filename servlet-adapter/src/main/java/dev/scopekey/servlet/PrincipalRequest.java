package dev.scopekey.servlet;

import dev.scopekey.domain.TokenPrincipal;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
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

    /**
     * The token principal the filter put on {@code request} or on a request it wraps: a layer
     * after the filter (Spring Security, say) may wrap the request and answer
     * {@code getUserPrincipal()} with a principal of its own for the same token.
     *
     * @return the filter's principal, or null when the filter authenticated no token
     */
    static TokenPrincipal of(ServletRequest request) {
        for (ServletRequest r = request; r != null; r = r instanceof ServletRequestWrapper
                ? ((ServletRequestWrapper) r).getRequest() : null) {
            if (r instanceof PrincipalRequest) {
                return ((PrincipalRequest) r).principal;
            }
        }
        return null;
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
