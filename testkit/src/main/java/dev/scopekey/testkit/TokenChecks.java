package dev.scopekey.testkit;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.Scope;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;

/**
 * A test's one-call check of a bearer token for a scope written as text. A request path makes
 * the same decision in two steps, {@link TokenService#authenticate} then
 * {@link TokenService#authorize} with a scope parsed once; a test usually wants one line.
 */
public final class TokenChecks {
    private TokenChecks() {
    }

    /**
     * Who {@code token} is, and whether it holds {@code scope}; text that is no scope fails
     * closed, as a null scope does. Each denial is audited once, as on a request path.
     *
     * @param service the service to ask
     * @param token the bearer token, possibly null
     * @param scope the required scope as written, possibly null
     * @param request where the request came from ({@link ClientRequest#NONE} in process)
     * @return denied or unavailable as authentication decided, else the scope check's decision
     */
    public static AuthDecision authorize(TokenService service, String token, String scope, ClientRequest request) {
        AuthDecision decision = service.authenticate(token, request);
        if (!(decision instanceof AuthDecision.Granted)) {
            return decision;
        }
        Scope required = Scope.parse(scope).orElse(null);
        return service.authorize(((AuthDecision.Granted) decision).principal(), required, request);
    }
}
