package dev.scopekey.servlet;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.Scope;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Who may ask the introspection endpoint about a token: RFC 7662 §2.1 requires the caller to
 * authenticate, so every request must carry exactly one credential of its own, checked here and
 * nowhere else — never the principal another filter put on the request. Either the operator's HTTP
 * Basic client credential ({@link IntrospectionClient}), or a bearer token whose scopes grant
 * {@value #SCOPE_TEXT} ({@code *} does). Every refusal is audited once by the token service, like
 * the filter's; an allowed caller is not. Immutable and thread-safe.
 */
final class IntrospectionGate {
    static final String SCOPE_TEXT = "auth:introspect";
    /** The scope a bearer caller needs. */
    static final Scope SCOPE = Scope.of(SCOPE_TEXT);

    /** What the check found. */
    enum Verdict {
        /** The caller may introspect. */
        ALLOWED,
        /** No credential, or one of an unknown scheme. */
        NO_CREDENTIAL,
        /** Two {@code Authorization} headers, or an empty or doubled bearer token. */
        INVALID_REQUEST,
        /** A Basic credential that is not the configured one (or none is configured). */
        INVALID_CLIENT,
        /** A bearer token that is malformed, unknown, revoked or expired. */
        INVALID_TOKEN,
        /** A valid bearer token without {@value #SCOPE_TEXT}. */
        FORBIDDEN,
        /** The store could not say who the bearer token is. */
        UNAVAILABLE
    }

    private final IntrospectionClient client;

    /** @param client the Basic credential that is accepted, or null to accept bearer tokens only */
    IntrospectionGate(IntrospectionClient client) {
        this.client = client;
    }

    /** Whether a Basic credential can be accepted at all (and so is offered in a challenge). */
    boolean acceptsBasic() {
        return client != null;
    }

    /** Checks the caller of {@code request}; reads its headers only. */
    Verdict check(TokenService service, HttpServletRequest request) {
        ClientRequest audited = new ClientRequest(request.getRemoteAddr(), request.getMethod(),
                ScopeKeyFilter.pathWithinApplication(request));
        Enumeration<String> values = request.getHeaders(BearerTokenResolver.AUTHORIZATION);
        if (values == null || !values.hasMoreElements()) {
            service.deny(DenialReason.NO_CREDENTIAL, audited);
            return Verdict.NO_CREDENTIAL;
        }
        String header = values.nextElement();
        if (values.hasMoreElements()) {
            service.deny(DenialReason.INVALID_REQUEST, audited);
            return Verdict.INVALID_REQUEST;
        }
        if (IntrospectionClient.isBasic(header)) {
            if (client != null && client.matches(header)) {
                return Verdict.ALLOWED;
            }
            service.deny(DenialReason.UNKNOWN, audited);
            return Verdict.INVALID_CLIENT;
        }
        BearerCredential credential = BearerTokenResolver.fromHeader(header);
        if (credential instanceof BearerCredential.Rejected) {
            DenialReason reason = ((BearerCredential.Rejected) credential).reason();
            service.deny(reason, audited);
            return reason == DenialReason.NO_CREDENTIAL ? Verdict.NO_CREDENTIAL
                    : reason == DenialReason.INVALID_REQUEST ? Verdict.INVALID_REQUEST : Verdict.INVALID_TOKEN;
        }
        AuthDecision decision = service.authenticate(((BearerCredential.Token) credential).reveal(), audited);
        if (decision instanceof AuthDecision.Granted) {
            decision = service.authorize(((AuthDecision.Granted) decision).principal(), SCOPE, audited);
            return decision.isGranted() ? Verdict.ALLOWED : Verdict.FORBIDDEN;
        }
        return decision instanceof AuthDecision.Unavailable ? Verdict.UNAVAILABLE : Verdict.INVALID_TOKEN;
    }
}
