package dev.scopekey.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * An application filter for the HTTP tests that reads a request parameter before the scopekey
 * filter runs (as a method-override filter reads {@code _method}), so that the container has
 * parsed, and taken, a form body by then.
 */
public final class ParameterReadingFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.getParameter("_method");
        chain.doFilter(request, response);
    }
}
