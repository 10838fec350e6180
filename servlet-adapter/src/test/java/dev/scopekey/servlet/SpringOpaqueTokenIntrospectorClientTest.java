package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Security's own {@link SpringOpaqueTokenIntrospector} as the client of the introspection
 * servlet over real HTTP, the way {@code oauth2ResourceServer(o -> o.opaqueToken(...))} uses it:
 * with the Basic client credential (its builder form-encodes id and secret, RFC 6749 §2.3.1), and with a {@link RestTemplate} that sends a bearer token with
 * scope {@code auth:introspect}. The leak guard watches the introspected token, the caller's token
 * and the client secret in every log line Spring, Jetty and scopekey write.
 */
class SpringOpaqueTokenIntrospectorClientTest extends IntrospectionHttpSupport {

    private OpaqueTokenIntrospector withClientCredential(String secret) {
        return SpringOpaqueTokenIntrospector.withIntrospectionUri(http.uri(PATH).toString()).clientId(CLIENT_ID)
                .clientSecret(secret).build();
    }

    private OpaqueTokenIntrospector withBearer(String callerToken) {
        RestTemplate rest = new RestTemplate();
        rest.getInterceptors().add((request, body, execution) -> {
            request.getHeaders().setBearerAuth(callerToken);
            return execution.execute(request, body);
        });
        return new SpringOpaqueTokenIntrospector(http.uri(PATH).toString(), rest);
    }

    @Test
    void liveToken_withTheClientCredential_isAPrincipalWithScopeAuthoritiesAndSubject() {
        startIntrospection();
        String token = liveToken();

        OAuth2AuthenticatedPrincipal principal = withClientCredential(SECRET).introspect(token);

        assertLive(principal, token);
    }

    @Test
    void liveToken_withABearerCaller_isTheSamePrincipal() {
        startIntrospection();
        String token = liveToken();

        OAuth2AuthenticatedPrincipal principal = withBearer(token("auth:introspect")).introspect(token);

        assertLive(principal, token);
    }

    @Test
    void revokedToken_isBadOpaqueTokenException() {
        startIntrospection();
        String token = liveToken();
        service.revoke(Caller.operator(ActorLabel.CLI), TokenFormat.displayPrefix(token).orElseThrow());
        OpaqueTokenIntrospector introspector = withClientCredential(SECRET);

        BadOpaqueTokenException inactive = assertThrows(BadOpaqueTokenException.class,
                () -> introspector.introspect(token));

        assertFalse(inactive.getMessage().contains(token), inactive.getMessage());
    }

    @Test
    void unknownAndBadChecksumTokens_areBadOpaqueTokenException_too() {
        startIntrospection();
        String live = liveToken();
        String badChecksum = live.substring(0, live.length() - 1) + (live.endsWith("A") ? "B" : "A");
        watch(badChecksum);
        OpaqueTokenIntrospector introspector = withBearer(token("auth:introspect"));

        assertThrows(BadOpaqueTokenException.class, () -> introspector.introspect("unknown-legacy-token"));
        assertThrows(BadOpaqueTokenException.class, () -> introspector.introspect(badChecksum));
    }

    @Test
    void wrongClientSecret_isSpringsIntrospectionError_notAnInactiveToken() {
        startIntrospection();
        String token = liveToken();
        OpaqueTokenIntrospector introspector = withClientCredential(SECRET + "-wrong");

        OAuth2IntrospectionException failure = assertThrows(OAuth2IntrospectionException.class,
                () -> introspector.introspect(token));

        assertFalse(failure instanceof BadOpaqueTokenException, failure.toString());
        assertFalse(failure.getMessage().contains(token), failure.getMessage());
    }

    @Test
    void bearerCallerWithoutAuthIntrospect_isSpringsIntrospectionError() {
        startIntrospection();
        String token = liveToken();
        OpaqueTokenIntrospector introspector = withBearer(token("kafka:endpoint:read"));

        OAuth2IntrospectionException failure = assertThrows(OAuth2IntrospectionException.class,
                () -> introspector.introspect(token));

        assertFalse(failure instanceof BadOpaqueTokenException, failure.toString());
    }

    @Test
    void storeOutage_isSpringsIntrospectionError_neverAPrincipalNorInactive() {
        store = new dev.scopekey.testkit.UnavailableTokenStore();
        startIntrospection();
        OpaqueTokenIntrospector introspector = withClientCredential(SECRET);

        OAuth2IntrospectionException failure = assertThrows(OAuth2IntrospectionException.class,
                () -> introspector.introspect("sk_anything"));

        assertFalse(failure instanceof BadOpaqueTokenException, failure.toString());
    }

    private String liveToken() {
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:endpoint:read", "docs:read")
                .forSubject("user-42").expiringIn(Duration.ofHours(1))).value().token().reveal();
        watch(token);
        return token;
    }

    private void assertLive(OAuth2AuthenticatedPrincipal principal, String token) {
        Set<String> authorities = new TreeSet<>();
        for (GrantedAuthority authority : principal.getAuthorities()) {
            authorities.add(authority.getAuthority());
        }
        assertEquals(Set.of("SCOPE_docs:read", "SCOPE_kafka:endpoint:read"), authorities);
        assertEquals("user-42", principal.getAttribute(OAuth2TokenIntrospectionClaimNames.SUB));
        assertEquals("user-42", principal.getName());
        assertEquals(TokenFormat.displayPrefix(token).orElseThrow(),
                principal.getAttribute(OAuth2TokenIntrospectionClaimNames.CLIENT_ID));
        assertEquals(clock.instant().plus(Duration.ofHours(1)),
                principal.<Instant>getAttribute(OAuth2TokenIntrospectionClaimNames.EXP));
        assertEquals(clock.instant(), principal.<Instant>getAttribute(OAuth2TokenIntrospectionClaimNames.IAT));
    }
}
