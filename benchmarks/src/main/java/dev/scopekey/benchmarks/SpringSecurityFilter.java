package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security 7's resource server for opaque tokens, built by hand as its configuration
 * would build it: {@link BearerTokenAuthenticationFilter} over an
 * {@link OpaqueTokenAuthenticationProvider} whose introspector is a map from the token's SHA-256
 * to a prepared principal with authority {@code SCOPE_kafka:endpoint:read}, then an
 * {@link AuthorizationFilter} requiring that authority for {@code /kafka/**}. The security context
 * is cleared after each request, as {@code FilterChainProxy} does; the proxy's firewall and the
 * other default filters are left out, so this is the least a Spring Security chain costs.
 */
final class SpringSecurityFilter implements Filter {
    private final Filter bearer;
    private final Filter authorization;

    /** Knows {@code token}, holding {@value TokenCheck#SCOPE}. */
    SpringSecurityFilter(String token) {
        DigestKey known = Sha256.of(token);
        OAuth2AuthenticatedPrincipal principal = new DefaultOAuth2AuthenticatedPrincipal("bench",
                Map.of("sub", "bench"), List.of(new SimpleGrantedAuthority("SCOPE_" + TokenCheck.SCOPE)));
        Map<DigestKey, OAuth2AuthenticatedPrincipal> principals = Map.of(known, principal);
        OpaqueTokenIntrospector introspector = presented -> {
            OAuth2AuthenticatedPrincipal found = principals.get(Sha256.of(presented));
            if (found == null) {
                throw new BadOpaqueTokenException("unknown token");
            }
            return found;
        };
        bearer = new BearerTokenAuthenticationFilter(
                new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector)));
        AuthorizationManager<HttpServletRequest> rules = RequestMatcherDelegatingAuthorizationManager.builder()
                .add(PathPatternRequestMatcher.withDefaults().matcher("/kafka/**"),
                        AuthorityAuthorizationManager.hasAuthority("SCOPE_" + TokenCheck.SCOPE))
                .build();
        authorization = new AuthorizationFilter(rules);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            bearer.doFilter(request, response, (req, res) -> authorization.doFilter(req, res, chain));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
