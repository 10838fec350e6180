package dev.scopekey.benchmarks;

import dev.scopekey.service.TokenService;
import dev.scopekey.servlet.ScopeKeyFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockServletContext;

/**
 * scopekey's servlet filter as an application deploys it: the application's
 * {@link TokenService} in the servlet context, route rules in the init-params. The one place
 * the benchmarks touch the servlet adapter's public API.
 */
final class ScopeKeyFilters {
    private ScopeKeyFilters() {
    }

    /** An initialised {@link ScopeKeyFilter} over {@code service}, guarding with {@code rules}. */
    static Filter guard(TokenService service, String rules) {
        MockServletContext context = new MockServletContext();
        context.setAttribute(ScopeKeyFilter.SERVICE_ATTRIBUTE, service);
        MockFilterConfig config = new MockFilterConfig(context, "scopekey");
        config.addInitParameter("rules", rules);
        ScopeKeyFilter filter = new ScopeKeyFilter();
        try {
            filter.init(config);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        return filter;
    }
}
