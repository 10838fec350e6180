package dev.scopekey.benchmarks;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.Scope;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;

/**
 * Every call the benchmarks make into scopekey's core API, in one place: when that API is
 * renamed, this class is what changes.
 */
final class ScopeKeyApi {
    private static final ClientRequest CLIENT = new ClientRequest("127.0.0.1", "GET", "/kafka/endpoint");

    private ScopeKeyApi() {
    }

    /** The service a deployment builds over {@code store}: defaults, with audit events discarded. */
    static TokenService service(TokenStore store) {
        return TokenService.builder(store).audit(AuditSink.discarding()).build();
    }

    /** A service over an in-memory store. */
    static TokenService memoryService() {
        return service(new InMemoryTokenStore());
    }

    /** Mints {@code count} tokens holding {@code scope}, as the operator would; returns their plaintext. */
    static String[] mint(TokenService service, String scope, int count) {
        String[] tokens = new String[count];
        for (int i = 0; i < count; i++) {
            Outcome<MintedToken> outcome = service.mint(Caller.operator("bench"), MintRequest.of(scope));
            if (!(outcome instanceof Outcome.Done<MintedToken> done)) {
                throw new IllegalStateException("mint refused: " + outcome);
            }
            tokens[i] = done.result().token().reveal();
        }
        return tokens;
    }

    /** {@code count} well-formed tokens (valid checksums) that no store in the benchmarks knows. */
    static String[] unknownTokens(int count) {
        try (TokenService elsewhere = memoryService()) {
            return mint(elsewhere, "kafka:endpoint:read", count);
        }
    }

    /** The required scope, parsed once as a request path would. */
    static Scope scope(String text) {
        return Scope.of(text);
    }

    /** What the filter asks per request: authenticate the token, then authorize its principal. */
    static boolean authorize(TokenService service, String token, Scope required) {
        AuthDecision decision = service.authenticate(token, CLIENT);
        if (decision instanceof AuthDecision.Granted granted) {
            decision = service.authorize(granted.principal(), required, CLIENT);
        }
        return decision instanceof AuthDecision.Granted;
    }
}
