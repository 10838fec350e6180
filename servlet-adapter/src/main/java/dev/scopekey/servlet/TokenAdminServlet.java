package dev.scopekey.servlet;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenPage;
import dev.scopekey.service.TokenService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token admin API (map it at, say, {@code /api/auth/tokens/*}, behind {@link ScopeKeyFilter}):
 * {@code POST /} mints, {@code GET /} lists, {@code DELETE /<prefix>} revokes,
 * {@code DELETE /?subject=} revokes a subject's tokens, {@code POST /<prefix>/rotate} rotates,
 * {@code POST /logout} revokes the presented token (with self-service).
 * Only root may call it, or with self-service a token for its own subject; the
 * {@link TokenService} the filter publishes enforces that, and this
 * servlet maps its outcomes to statuses and the JSON error shape of the filter. While the filter
 * runs with {@code enabled=false} the servlet acts for nobody: list stays open like every route,
 * but mint, revoke and rotate are refused (403), so nothing done then outlives it as a privilege.
 * Routes and bodies are in {@code docs/http-api.md}. Init-param {@code mint-rate} (default
 * {@code 10/hour} per client address) is applied by the filter when it builds the service.
 */
public final class TokenAdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TokenAdminServlet.class);
    private static final String ROTATE = "rotate";
    /** The route that revokes the presented token: {@code POST /logout}. */
    private static final String LOGOUT = "logout";
    /** The actor of admin calls while authentication is switched off. */
    static final String AUTH_DISABLED_ACTOR = ActorLabel.custom("auth-disabled");
    /** Why a mutation is refused while authentication is switched off. */
    static final Refusal AUTH_DISABLED = new Refusal(Refusal.Kind.FORBIDDEN, "authentication is disabled "
            + "(enabled=false): the admin API mints, revokes and rotates no token until it is enabled again; "
            + "an operator can use the command line", null);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("POST")) {
            UnreadBody.closeConnection(request, response); // only mint and rotate read a body
        }
        Object attribute = getServletContext().getAttribute(ScopeKeyFilter.SERVICE_ATTRIBUTE);
        if (!(attribute instanceof TokenService)) {
            UnreadBody.closeConnection(request, response);
            LOG.error("no TokenService in the context attribute {}: declare ScopeKeyFilter before the admin servlet",
                    ScopeKeyFilter.SERVICE_ATTRIBUTE);
            AuthResponses.unavailable(response);
            return;
        }
        TokenService service = (TokenService) attribute;
        List<String> path = PathPattern.split(request.getPathInfo() == null ? "" : request.getPathInfo());
        String allowed = path.isEmpty() ? "GET, POST, DELETE"
                : path.size() == 1 && path.get(0).equals(LOGOUT) ? "POST, DELETE"
                : path.size() == 1 ? "DELETE, PATCH"
                : path.size() == 2 && path.get(1).equals(ROTATE) ? "POST" : null;
        String method = request.getMethod();
        try {
            if (allowed == null) {
                UnreadBody.closeConnection(request, response);
                AuthResponses.send(response, 404, "not_found", "no such admin route");
            } else if (!List.of(allowed.split(", ")).contains(method)) {
                UnreadBody.closeConnection(request, response);
                response.setHeader("Allow", allowed);
                AuthResponses.send(response, 405, "method_not_allowed", "this route accepts " + allowed);
            } else if (path.isEmpty()) {
                root(service, method, request, response);
            } else if (path.size() == 1 && method.equals("POST")) {
                answer(request, response, service.logout(caller(request)), 204, null);
            } else if (path.size() == 1 && method.equals("PATCH")) {
                answer(request, response, service.update(caller(request), path.get(0), AdminRequests.update(request)),
                        200, RecordJson::publicRecord);
            } else if (path.size() == 1) {
                answer(request, response, service.revoke(caller(request), path.get(0)), 204, null);
            } else {
                rotate(service, path.get(0), request, response);
            }
        } catch (BadRequestException e) {
            AuthResponses.send(response, e.status(), e.code(), e.getMessage());
        } catch (TokenStoreException e) {
            LOG.warn("token store failed during an admin call: {}", FailureText.of(e));
            AuthResponses.unavailable(response);
        } catch (RuntimeException e) {
            failed(response, e);
        }
    }

    /**
     * Answers an exception nothing expected with a JSON 500 that shows no internals, and logs
     * where it came from: its class and the frame that threw, never its message, which might
     * carry what the request sent.
     */
    private static void failed(HttpServletResponse response, RuntimeException e) throws IOException {
        StackTraceElement[] frames = e.getStackTrace();
        LOG.error("admin call failed unexpectedly: {} at {}", e.getClass().getName(),
                frames.length == 0 ? "an unknown place" : frames[0]);
        if (!response.isCommitted()) {
            response.reset();
            AuthResponses.send(response, 500, "server_error", "the admin call failed unexpectedly; the server "
                    + "log says where");
        }
    }

    private void root(TokenService service, String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException {
        Caller caller = caller(request);
        if (method.equals("GET")) {
            list(service, caller, request, response);
        } else if (method.equals("POST")) {
            mint(service, caller, request, response);
        } else {
            Outcome<Integer> revoked = service.revokeSubject(caller, AdminRequests.parameter(request, "subject"));
            answer(request, response, revoked, 200, n -> JsonText.object().put("revoked", n).end());
        }
    }

    private void mint(TokenService service, Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException {
        MintRequest mintRequest;
        try {
            mintRequest = AdminRequests.mint(request);
        } catch (BadRequestException unreadable) {
            refuseUnreadable(request, response, service.refuseMint(caller, unreadable.getMessage()), unreadable);
            return;
        }
        answer(request, response, service.mint(caller, mintRequest), 201, RecordJson::minted);
    }

    private void rotate(TokenService service, String prefix, HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException {
        Caller caller = caller(request);
        Duration grace;
        try {
            grace = AdminRequests.grace(request);
        } catch (BadRequestException unreadable) {
            refuseUnreadable(request, response, service.refuseRotate(caller, prefix, unreadable.getMessage()),
                    unreadable);
            return;
        }
        answer(request, response, service.rotate(caller, prefix, grace), 201, RecordJson::minted);
    }

    /**
     * Answers a request whose body could not be read as the service decided: its own refusal
     * (rate limited, forbidden), or, when the service refused it as unreadable, the reading
     * problem with the status it has (400, 413, 415).
     */
    private static void refuseUnreadable(HttpServletRequest request, HttpServletResponse response, Refusal refusal,
                                         BadRequestException unreadable) throws IOException, BadRequestException {
        if (refusal.kind() == Refusal.Kind.INVALID_REQUEST) {
            throw unreadable;
        }
        refuse(request, response, refusal);
    }

    private void list(TokenService service, Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException {
        String limitText = AdminRequests.parameter(request, "limit");
        int limit = TokenQuery.MAX_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > TokenQuery.MAX_LIMIT) {
                throw BadRequestException.invalid("limit is a whole number from 1 to " + TokenQuery.MAX_LIMIT);
            }
        }
        String subject = AdminRequests.parameter(request, "subject");
        // listing changes nothing, so while auth is off it stays open like every other route
        Caller reader = authDisabled(request) ? Caller.operator(AUTH_DISABLED_ACTOR) : caller;
        TokenQuery query = new TokenQuery(subject, AdminRequests.parameter(request, "after"), limit, null);
        String expiringText = AdminRequests.parameter(request, "expiringWithin");
        Duration expiring = expiringText == null ? null : AdminRequests.duration("expiringWithin", expiringText);
        Outcome<TokenPage> page = expiring == null ? service.listLive(reader, query)
                : service.listExpiring(reader, query, expiring);
        if (page.isDone() && page.value().nextAfter() != null) {
            response.setHeader("Link", "<" + request.getRequestURI() + "?after=" + encode(page.value().nextAfter())
                    + (subject == null ? "" : "&subject=" + encode(subject))
                    + (expiringText == null ? "" : "&expiringWithin=" + encode(expiringText))
                    + (limitText == null ? "" : "&limit=" + limit) + ">; rel=\"next\"");
        }
        answer(request, response, page, 200, p -> RecordJson.publicRecords(p.records()));
    }

    /**
     * The caller of a request: its token principal, else anonymous. While auth is off it is
     * nobody who may change a token: an unauthenticated caller labelled {@link #AUTH_DISABLED_ACTOR}.
     */
    static Caller caller(HttpServletRequest request) {
        if (authDisabled(request)) {
            return Caller.unauthenticated(AUTH_DISABLED_ACTOR, request.getRemoteAddr());
        }
        Principal principal = request.getUserPrincipal();
        TokenPrincipal token = principal instanceof TokenPrincipal ? (TokenPrincipal) principal
                : PrincipalRequest.of(request);
        if (token != null) {
            return Caller.of(token, request.getRemoteAddr());
        }
        return Caller.anonymous(request.getRemoteAddr());
    }

    private static <T> void answer(HttpServletRequest request, HttpServletResponse response, Outcome<T> outcome,
                                   int status, java.util.function.Function<T, String> body) throws IOException {
        if (!outcome.isDone()) {
            refuse(request, response, outcome.refusal());
        } else if (body == null) {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(status);
        } else {
            AuthResponses.write(response, status, body.apply(outcome.value()));
        }
    }

    /** Answers a refusal; while auth is off, a refused mutation says why. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        boolean authOff = refusal.kind() == Refusal.Kind.FORBIDDEN && authDisabled(request);
        AuthResponses.refusal(response, authOff ? AUTH_DISABLED : refusal);
    }

    private static boolean authDisabled(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ScopeKeyFilter.AUTH_DISABLED_ATTRIBUTE));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
