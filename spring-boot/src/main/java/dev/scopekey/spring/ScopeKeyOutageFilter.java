package dev.scopekey.spring;

import dev.scopekey.servlet.ScopeKeyFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sits before Spring Security's filter chain and answers 503, as {@link ScopeKeyFilter} answers an
 * outage, when the chain fails with a {@link ScopeKeyUnavailableException}: Spring Security rethrows authentication-service failures rather than answer them, and a store
 * outage must be a 503, not a 401 or a 500. Every other failure passes on unchanged. Stateless.
 */
public final class ScopeKeyOutageFilter implements Filter {
    /** Creates the filter. */
    public ScopeKeyOutageFilter() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByOutage(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            ScopeKeyFilter.respondUnavailable((HttpServletResponse) response);
        }
    }

    private static boolean causedByOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ScopeKeyUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
