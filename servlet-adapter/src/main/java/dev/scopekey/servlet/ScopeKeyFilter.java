package dev.scopekey.servlet;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a web application with scoped bearer tokens, configured from {@code web.xml} (the
 * init-params are listed in {@code docs/servlet.md}). Each request is read top to bottom:
 * resolve the bearer credential, authenticate it, authorize the route, then continue as the
 * token's principal or answer with the RFC 6750 response. A failing store answers 503, never
 * an allow. Every denial, the filter's own refusals (two tokens, a malformed one) included, is
 * audited once by the token service with the request's method and path; a request with no
 * credential at all is not. The request body is the application's: only with {@code form-body-token-check=true}
 * does the filter read a form body (to refuse a second token in it), and then it hands the same
 * bytes on. A request the container dispatches to a {@link TokenAdminServlet} needs only a valid
 * token here, since the token service serves root alone; one dispatched to a
 * {@link TokenIntrospectionServlet} passes untouched, since that servlet authenticates its caller
 * itself.
 *
 * <p>The filter publishes its {@link TokenService} in the context attribute
 * {@value #SERVICE_ATTRIBUTE} (or uses the one the application put there) and a
 * {@link CallerCredentials} in {@value CallerCredentials#ATTRIBUTE}. The client address used for
 * rate limits and audit events is {@code getRemoteAddr()}; behind a proxy, have the container
 * put the forwarded address there.
 */
public final class ScopeKeyFilter implements Filter {
    /** The servlet context attribute holding the {@link TokenService}. */
    public static final String SERVICE_ATTRIBUTE = "dev.scopekey.TokenService";
    /** Request attribute set (to {@code Boolean.TRUE}) on every request while auth is switched off. */
    public static final String AUTH_DISABLED_ATTRIBUTE = "dev.scopekey.servlet.authDisabled";
    private static final Logger LOG = LoggerFactory.getLogger(ScopeKeyFilter.class);

    private final BearerTokenResolver resolver = new BearerTokenResolver();
    private volatile Config config;

    /** What init built; read-only afterwards. */
    private record Config(boolean enabled, ServiceSetup setup, RouteRules rules, PathSet publicPaths,
                          AdminServlets admin, boolean formBodyTokenCheck, AuthResponses responses,
                          ServletContext context) {
    }

    /**
     * Checks init-params as {@link #init} reads them (names, values, route rules, public paths),
     * without starting anything: for a configuration that is not {@code web.xml}, such as Spring
     * Boot's {@code scopekey.*} properties, so it is refused with the same messages.
     *
     * @param initParams the filter's init-params by name
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    public static void validate(Map<String, String> initParams) {
        FilterSettings settings = FilterSettings.read(initParams);
        RouteRules.parse(settings.rules(), settings.unmatched());
        PathSet.parse(settings.publicPaths());
    }

    /**
     * A builder of the token service this filter would build itself over {@code store}: the SLF4J
     * audit sink, the {@code mint-rate} of {@link TokenAdminServlet} (default {@code 10/hour}) and
     * the break-glass token from the environment variable {@code admin-token-env} names. For an
     * application that builds the service itself and puts it in {@value #SERVICE_ATTRIBUTE}; it may
     * add to the builder (a metrics listener, say) before building.
     *
     * @param store the token store
     * @param adminTokenEnv the name of the variable holding the break-glass token, or null for none
     * @param mintRate {@code <permits>/<period>}, or null for the default
     * @return the builder
     * @throws IllegalArgumentException if a value is not accepted, with the init-param's message
     */
    public static TokenServiceBuilder serviceBuilder(TokenStore store, String adminTokenEnv, String mintRate) {
        String env = FilterSettings.envName(FilterSettings.ADMIN_TOKEN_ENV, adminTokenEnv);
        MintRate rate = mintRate == null || mintRate.isBlank() ? null : MintRate.parse(mintRate);
        return ServiceSetup.builder(Objects.requireNonNull(store, "store"), rate, env, System::getenv);
    }

    /**
     * Answers as the filter does when the token store cannot answer: 503 with {@code Retry-After}
     * and the JSON error body. For an integration that learns of the outage elsewhere (Spring
     * Security's introspection, say) and must answer it the same way.
     *
     * @param response the response, not yet committed
     * @throws IOException if writing fails
     */
    public static void respondUnavailable(HttpServletResponse response) throws IOException {
        AuthResponses.unavailable(response);
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        ServletContext context = filterConfig.getServletContext();
        try {
            FilterSettings settings = FilterSettings.read(params(filterConfig));
            PolicySettings policies = PolicySettings.read(params(filterConfig));
            AdminServlets admin = AdminServlets.of(context);
            RouteRules rules = RouteRules.parse(settings.rules(), settings.unmatched());
            PathSet publicPaths = PathSet.parse(settings.publicPaths());
            ServiceSetup setup = ServiceSetup.resolve(context, settings, policies, admin.mintRate(),
                    System::getenv);
            if (setup.built()) {
                context.setAttribute(SERVICE_ATTRIBUTE, setup.service());
            }
            context.setAttribute(CallerCredentials.ATTRIBUTE, CallerCredentials.of(settings.mode()));
            if (settings.adminTokenEnv() != null && System.getenv(settings.adminTokenEnv()) == null) {
                LOG.warn("admin-token-env names {}, which is not set: there is no break-glass admin token",
                        settings.adminTokenEnv());
            }
            if (!settings.enabled()) {
                LOG.warn("scopekey authentication is DISABLED (enabled=false): every route is open to anyone; "
                        + "the token admin API lists tokens but refuses to mint, revoke or rotate");
            }
            config = new Config(settings.enabled(), setup, rules, publicPaths, admin, settings.formBodyTokenCheck(),
                    new AuthResponses(settings.realm(), settings.insufficientScopeChallenge()), context);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServletException("ScopeKeyFilter: " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Config current = config;
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (current == null) {
            UnreadBody.closeConnection(request, response);
            AuthResponses.unavailable(response);
            return;
        }
        if (!current.enabled()) {
            request.setAttribute(AUTH_DISABLED_ATTRIBUTE, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        if (current.admin().introspect(request)) {
            chain.doFilter(request, response); // it authenticates its caller itself, on every request
            return;
        }
        String path = pathWithinApplication(request);
        boolean admin = current.admin().serve(request);
        if (!admin && current.publicPaths().contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        TokenService service = current.setup().service();
        String method = request.getMethod();
        ClientRequest audited = new ClientRequest(request.getRemoteAddr(), method, path);
        RequiredAccess access = admin ? RequiredAccess.AUTHENTICATED : current.rules().accessFor(method, path);
        TokenPrincipal earlier = PrincipalRequest.of(request);
        if (earlier != null && request.getDispatcherType() == DispatcherType.ASYNC) {
            decide(authorize(service, new AuthDecision.Granted(earlier), access, audited), request, response, chain,
                    current);
            return; // the request dispatched was authenticated before it went async: check its new route only
        }
        BearerCredential credential = resolver.resolve(request);
        if (current.formBodyTokenCheck() && credential instanceof BearerCredential.Token
                && FormParameters.isForm(request)) {
            Optional<BufferedFormRequest> buffered = BufferedFormRequest.read(request);
            if (buffered.isEmpty()) {
                response.setHeader("Connection", "close"); // the rest of the body is not read
                AuthResponses.send(response, 413, "request_too_large", BufferedFormRequest.TOO_LARGE);
                return;
            }
            request = buffered.get();
            credential = resolver.resolveWithBody(buffered.get());
        }
        AuthDecision decision = authenticate(service, credential, audited);
        if (decision instanceof AuthDecision.Granted) {
            decision = authorize(service, (AuthDecision.Granted) decision, access, audited);
        }
        decide(decision, request, response, chain, current);
    }

    /** Passes a granted request on with its principal; refuses any other. */
    private static void decide(AuthDecision decision, HttpServletRequest request, HttpServletResponse response,
                               FilterChain chain, Config current) throws IOException, ServletException {
        if (decision instanceof AuthDecision.Granted) {
            TokenPrincipal principal = ((AuthDecision.Granted) decision).principal();
            chain.doFilter(PrincipalRequest.of(request) == principal ? request
                    : new PrincipalRequest(request, response, principal), response);
        } else {
            UnreadBody.closeConnection(request, response);
            current.responses().reject(response, decision);
        }
    }

    @Override
    public void destroy() {
        Config current = config;
        config = null;
        if (current != null && current.setup().built()) {
            current.context().removeAttribute(SERVICE_ATTRIBUTE);
            current.setup().close();
        }
    }

    /**
     * The token's decision, or the resolver's refusal; either way a denial is audited once by the
     * service (except a request with no credential at all).
     */
    private static AuthDecision authenticate(TokenService service, BearerCredential credential,
                                             ClientRequest audited) {
        if (credential instanceof BearerCredential.Token) {
            return service.authenticate(((BearerCredential.Token) credential).reveal(), audited);
        }
        return service.deny(((BearerCredential.Rejected) credential).reason(), audited);
    }

    /**
     * The route's decision for an authenticated caller: the authentication itself where any valid
     * token will do; a deny route is checked as a null scope, which fails closed and leaves an
     * audit event.
     */
    private static AuthDecision authorize(TokenService service, AuthDecision.Granted authenticated,
                                          RequiredAccess access, ClientRequest audited) {
        if (access == RequiredAccess.AUTHENTICATED) {
            return authenticated;
        }
        return service.authorize(authenticated.principal(), access.scope(), audited);
    }

    /** The decoded path below the context path, as servlet mappings see it. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? servletPath : servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    private static Map<String, String> params(FilterConfig filterConfig) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        return params;
    }
}
