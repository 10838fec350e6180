package dev.scopekey.service;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.Scope;

/** Core tests' one-call check of a token for a scope written as text, the way a request path makes it in two steps. */
public final class TokenChecks {
    private TokenChecks() {
    }

    /**
     * Authenticates {@code token}, then authorizes its principal for {@code scope} (parsed here;
     * text that is no scope fails closed, as a null scope does).
     *
     * @param service the service to ask
     * @param token the bearer token, possibly null
     * @param scope the required scope as written, possibly null
     * @param request the request to audit a denial with
     * @return the authentication's decision when it did not grant, else the authorization's
     */
    public static AuthDecision authorize(TokenService service, String token, String scope, ClientRequest request) {
        AuthDecision who = service.authenticate(token, request);
        return who instanceof AuthDecision.Granted granted
                ? service.authorize(granted.principal(), Scope.parse(scope).orElse(null), request) : who;
    }
}
