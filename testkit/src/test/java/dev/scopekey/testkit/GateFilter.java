package dev.scopekey.testkit;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * A small bearer filter for the harness's own tests (the testkit cannot use the servlet
 * adapter): asks the {@link TokenService} in the context attribute for the scope in init-param
 * {@code scope}, answers 401 / 403 / 503 the RFC 6750 way, and reports its init-param names in
 * the {@code X-Init-Params} header. Init-param {@code fail-start=true} makes it refuse to start.
 */
public final class GateFilter implements Filter {
    private String scope;
    private String initParams;
    private TokenService service;

    @Override
    public void init(FilterConfig config) throws ServletException {
        if ("true".equals(config.getInitParameter("fail-start"))) {
            throw new ServletException("the gate was told not to start");
        }
        scope = config.getInitParameter("scope");
        initParams = String.join(",", Collections.list(config.getInitParameterNames()));
        service = (TokenService) config.getServletContext().getAttribute(HttpHarness.TOKEN_SERVICE_ATTRIBUTE);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Init-Params", initParams);
        String authorization = request.getHeader("Authorization");
        if (service == null || scope == null) {
            chain.doFilter(request, response);
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gate\"");
            response.sendError(401);
            return;
        }
        AuthDecision decision = TokenChecks.authorize(service, authorization.substring(7), scope, ClientRequest.from(request.getRemoteAddr()));
        if (decision instanceof AuthDecision.Unavailable) {
            response.setHeader("Retry-After", "5");
            response.sendError(503);
        } else if (decision instanceof AuthDecision.Denied && ((AuthDecision.Denied) decision).reason().isInvalidToken()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gate\", error=\"invalid_token\"");
            response.sendError(401);
        } else if (decision instanceof AuthDecision.Denied) {
            response.sendError(403);
        } else {
            chain.doFilter(request, response);
        }
    }
}
