package dev.scopekey.spring;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Spring Security's opaque-token introspection answered in process by the {@link TokenService}:
 * {@code http.oauth2ResourceServer(o -> o.opaqueToken(...))} then accepts scopekey tokens, with
 * one authority {@code SCOPE_<scope>} per scope of the token (so
 * {@code hasAuthority('SCOPE_reports:read')} works) and the principal's name its subject (or
 * actor label). An invalid, expired or revoked token is a {@link BadOpaqueTokenException} (401);
 * a store that cannot answer is a {@link ScopeKeyUnavailableException}, which
 * {@link ScopeKeyOutageFilter} turns into a 503, never a 401 and never an allow. Each check is
 * authenticated and audited like the filter's. Thread-safe.
 */
public final class ScopeKeyOpaqueTokenIntrospector implements OpaqueTokenIntrospector {
    /** The prefix of the authorities that stand for scopes. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private final TokenService service;

    /**
     * An introspector over {@code service}.
     *
     * @param service the token service
     */
    public ScopeKeyOpaqueTokenIntrospector(TokenService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        AuthDecision decision = service.authenticate(token, ClientRequest.NONE);
        if (decision instanceof AuthDecision.Unavailable) {
            throw new ScopeKeyUnavailableException();
        }
        if (!(decision instanceof AuthDecision.Granted)) {
            throw new BadOpaqueTokenException("the token is not active");
        }
        TokenPrincipal principal = ((AuthDecision.Granted) decision).principal();
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (Scope scope : principal.scopes()) {
            scopes.add(scope.value());
            authorities.add(new SimpleGrantedAuthority(AUTHORITY_PREFIX + scope.value()));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(OAuth2TokenIntrospectionClaimNames.ACTIVE, true);
        attributes.put(OAuth2TokenIntrospectionClaimNames.SCOPE, scopes);
        attributes.put(OAuth2TokenIntrospectionClaimNames.SUB, principal.getName());
        if (principal.prefix() != null) {
            attributes.put("prefix", principal.prefix());
        }
        if (principal.validUntil() != null) {
            attributes.put(OAuth2TokenIntrospectionClaimNames.EXP, principal.validUntil());
        }
        attributes.put("source", principal.source().name());
        return new DefaultOAuth2AuthenticatedPrincipal(principal.getName(), attributes, authorities);
    }
}
