package dev.scopekey.servlet;

import dev.scopekey.domain.TokenPrincipal;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request authenticated by a token: {@link #getUserPrincipal()} is the {@link TokenPrincipal}
 * and {@link #isUserInRole(String)} asks whether its scopes grant the role read as a scope.
 * {@link #startAsync()} hands this request to the async context, so the principal stays through
 * the async part and into an {@code ASYNC} dispatch (where the filter finds it with
 * {@link #of(ServletRequest)} and checks the route without authenticating again).
 */
final class PrincipalRequest extends HttpServletRequestWrapper {
    /** The value of {@link #getAuthType()}. */
    static final String AUTH_TYPE = "Bearer";

    private final TokenPrincipal principal;
    private final ServletResponse response;

    PrincipalRequest(HttpServletRequest request, ServletResponse response, TokenPrincipal principal) {
        super(request);
        this.response = response;
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

    /** Starts async with this request (not the container's own), so the principal stays with it. */
    @Override
    public AsyncContext startAsync() {
        if (!isAsyncSupported()) {
            return super.startAsync(); // the container refuses it, as it would without this request
        }
        return getRequest().startAsync(this, response);
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
