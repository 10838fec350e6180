package dev.scopekey.servlet;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.service.TokenService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 7662 token introspection, so that a resource server that is not a scopekey application
 * (Spring Security's {@code opaqueToken(...)}, a gateway) can ask whether a token is active and
 * what it grants. {@code POST} a form {@code token=…}; the answer is {@code {"active":true,…}}
 * with the token's scopes, subject and times, or exactly {@code {"active":false}} for a token
 * that is unknown, revoked, expired or malformed alike; a store that cannot answer gives 503,
 * never either.
 *
 * <p>The caller authenticates itself on every request, here: with the operator's HTTP Basic
 * client credential (init-params {@code client-id} and {@code client-secret-env}) or with a
 * bearer token that holds scope {@code auth:introspect}. The servlet never trusts a principal put
 * on the request by a filter, so it cannot be opened by how it is mapped; {@link ScopeKeyFilter}
 * lets requests dispatched to it pass untouched. It uses the {@link TokenService} of the servlet
 * context attribute {@value ScopeKeyFilter#SERVICE_ATTRIBUTE}; without one it answers 503.
 * Introspecting a token counts as a use of it. Reference: {@code docs/introspection.md}.
 */
public final class TokenIntrospectionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TokenIntrospectionServlet.class);
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET_ENV = "client-secret-env";
    static final String REALM = "realm";
    private static final Set<String> PARAMS = Set.of(CLIENT_ID, CLIENT_SECRET_ENV, REALM);
    private static final String TOKEN = "token";
    private static final String NEEDS = "a client credential (HTTP Basic) or a bearer token with scope "
            + IntrospectionGate.SCOPE_TEXT;

    /** What init read; null until then. */
    private transient volatile Setup setup;

    private record Setup(IntrospectionGate gate, String realm) {
    }

    @Override
    public void init() throws ServletException {
        try {
            setup = configure(System::getenv);
        } catch (IllegalArgumentException e) {
            throw new ServletException("TokenIntrospectionServlet: " + e.getMessage(), e);
        }
    }

    private Setup configure(UnaryOperator<String> environment) {
        for (String name : Collections.list(getInitParameterNames())) {
            if (!PARAMS.contains(name)) {
                throw new IllegalArgumentException("unknown init-param '" + name + "'; known: "
                        + String.join(", ", new TreeSet<>(PARAMS)));
            }
        }
        String realm = FilterSettings.checkedRealm(getInitParameter(REALM));
        String id = blankToNull(getInitParameter(CLIENT_ID));
        String secretEnv = FilterSettings.envName(CLIENT_SECRET_ENV, getInitParameter(CLIENT_SECRET_ENV));
        if ((id == null) != (secretEnv == null)) {
            throw new IllegalArgumentException("client-id and client-secret-env are set together or not at all");
        }
        IntrospectionClient client = null;
        if (id != null) {
            IntrospectionClient.checkId(id);
            String secret = environment.apply(secretEnv);
            if (secret == null || secret.isEmpty()) {
                LOG.warn("client-secret-env names {}, which is not set: no client credential is accepted, only "
                        + "bearer tokens with scope {}", secretEnv, IntrospectionGate.SCOPE_TEXT);
            } else {
                client = IntrospectionClient.of(id, secret);
            }
        }
        return new Setup(new IntrospectionGate(client), realm);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Setup current = setup;
        if (!request.getMethod().equals("POST")) {
            UnreadBody.closeConnection(request, response);
            response.setHeader("Allow", "POST");
            AuthResponses.send(response, 405, "method_not_allowed", "token introspection accepts POST");
            return;
        }
        Object attribute = getServletContext().getAttribute(ScopeKeyFilter.SERVICE_ATTRIBUTE);
        if (current == null || !(attribute instanceof TokenService)) {
            LOG.error("no TokenService in the context attribute {}: declare ScopeKeyFilter (or put a service "
                    + "there) for the introspection servlet", ScopeKeyFilter.SERVICE_ATTRIBUTE);
            UnreadBody.closeConnection(request, response);
            AuthResponses.unavailable(response);
            return;
        }
        TokenService service = (TokenService) attribute;
        IntrospectionGate.Verdict verdict = current.gate().check(service, request);
        if (verdict != IntrospectionGate.Verdict.ALLOWED) {
            UnreadBody.closeConnection(request, response);
            refuse(current, verdict, response);
            return;
        }
        if (!FormParameters.isForm(request)) {
            UnreadBody.closeConnection(request, response);
            AuthResponses.send(response, 415, "unsupported_media_type",
                    "the body is a form (application/x-www-form-urlencoded) with one token parameter");
            return;
        }
        List<String> tokens;
        try {
            tokens = FormParameters.bodyValues(request, TOKEN);
        } catch (RuntimeException unreadable) {
            AuthResponses.send(response, 400, "invalid_request", "the form body cannot be read");
            return;
        }
        if (tokens.size() != 1 || tokens.get(0).isEmpty()) {
            AuthResponses.send(response, 400, "invalid_request",
                    "the form body has exactly one token parameter (the query string is not read)");
            return;
        }
        answer(service.introspect(tokens.get(0)), response);
    }

    private static void answer(AuthDecision decision, HttpServletResponse response) throws IOException {
        if (decision instanceof AuthDecision.Unavailable) {
            AuthResponses.unavailable(response);
        } else if (decision instanceof AuthDecision.Granted) {
            AuthResponses.write(response, 200, RecordJson.introspected(((AuthDecision.Granted) decision).principal()));
        } else {
            AuthResponses.write(response, 200, RecordJson.INACTIVE);
        }
    }

    /** Answers a caller who may not introspect: 400, 401 with a challenge per accepted scheme, 403, 503. */
    private static void refuse(Setup current, IntrospectionGate.Verdict verdict, HttpServletResponse response)
            throws IOException {
        String bearer = "Bearer realm=\"" + current.realm() + "\"";
        switch (verdict) {
            case UNAVAILABLE:
                AuthResponses.unavailable(response);
                return;
            case FORBIDDEN:
                AuthResponses.send(response, 403, "insufficient_scope",
                        "token introspection requires scope " + IntrospectionGate.SCOPE_TEXT);
                return;
            case INVALID_REQUEST:
                response.setHeader("WWW-Authenticate", bearer + ", error=\"invalid_request\"");
                AuthResponses.send(response, 400, "invalid_request", "send exactly one credential, in one "
                        + "Authorization header");
                return;
            default:
                break;
        }
        if (current.gate().acceptsBasic()) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + current.realm() + "\", charset=\"UTF-8\"");
        }
        if (verdict == IntrospectionGate.Verdict.INVALID_TOKEN) {
            response.addHeader("WWW-Authenticate", bearer + ", error=\"invalid_token\"");
            AuthResponses.send(response, 401, "invalid_token", "the bearer token is malformed, unknown, expired "
                    + "or revoked");
        } else {
            response.addHeader("WWW-Authenticate", bearer);
            boolean client = verdict == IntrospectionGate.Verdict.INVALID_CLIENT;
            AuthResponses.send(response, 401, client ? "invalid_client" : "authentication_required",
                    client ? "the client credential is not accepted" : "token introspection requires " + NEEDS);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
