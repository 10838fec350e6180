package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The filter a careful engineer writes by hand for one route: the {@code Authorization: Bearer}
 * header, SHA-256 of the token, one map lookup, the route's scope in the token's scope set,
 * then the chain; 401 for an unknown token, 403 for a missing scope. No audit, no checksum, no
 * expiry: the least a hash-at-rest bearer filter does.
 */
final class MinimalFilter implements Filter {
    private static final String BEARER = "Bearer ";
    private static final String ROUTE = "/kafka/";

    private final Map<DigestKey, Set<String>> scopesByHash = new HashMap<>();

    /** Knows {@code token}, holding {@value TokenCheck#SCOPE}. */
    MinimalFilter(String token) {
        scopesByHash.put(Sha256.of(token), Set.of(TokenCheck.SCOPE));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Set<String> scopes = scopesByHash.get(Sha256.of(header.substring(BEARER.length())));
        if (scopes == null) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED);
        } else if (request.getServletPath().startsWith(ROUTE) && !scopes.contains(TokenCheck.SCOPE)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", "Bearer");
    }
}
