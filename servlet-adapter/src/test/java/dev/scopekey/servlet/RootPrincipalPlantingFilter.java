package dev.scopekey.servlet;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenPrincipal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * An application filter for the HTTP tests that runs before the scopekey filter and puts a root
 * principal on every request, as a careless session filter might: a servlet that checks its own
 * caller must not take it for a credential.
 */
public final class RootPrincipalPlantingFilter implements Filter {
    private static final TokenPrincipal ROOT = TokenPrincipal.config(PlainToken.of("planted-root-principal"));

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new PrincipalRequest((HttpServletRequest) request, response, ROOT), response);
    }
}
