package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.SecretLeakGuard;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The filter called directly, without a container: its lifecycle and the paths HTTP tests reach only with effort. */
class ScopeKeyFilterTest {
    private static final TokenPrincipal CALLER =
            TokenPrincipal.integrator("test-tier", "alice", ScopeSet.parseList("orders:read"));

    @RegisterExtension
    final SecretLeakGuard output = new SecretLeakGuard();

    private final Map<String, Object> attributes = new HashMap<>();
    private final List<ServletRequest> passedOn = new ArrayList<>();
    private final FilterChain chain = (request, response) -> passedOn.add(request);

    @Test
    void beforeInit_everyRequestIsA503_thatClosesAConnectionCarryingABody() throws Exception {
        RecordedResponse response = new RecordedResponse();

        new ScopeKeyFilter().doFilter(request(DispatcherType.REQUEST, null, 10), response.proxy(), chain);

        assertEquals(503, response.status);
        assertEquals("5", response.headers.get("Retry-After"));
        assertEquals("close", response.headers.get("Connection"));
        assertTrue(response.body().contains("temporarily_unavailable"), response.body());
        assertTrue(passedOn.isEmpty());
    }

    @Test
    void respondUnavailable_isThe503WithRetryAfter() throws Exception {
        RecordedResponse response = new RecordedResponse();

        ScopeKeyFilter.respondUnavailable(response.proxy());

        assertEquals(503, response.status);
        assertEquals("5", response.headers.get("Retry-After"));
        assertTrue(response.body().contains("temporarily_unavailable"), response.body());
    }

    @Test
    void serviceBuilder_takesTheDefaultMintRateForNoneOrBlank_andRefusesABadOne() {
        InMemoryTokenStore store = new InMemoryTokenStore();

        assertNotNull(ScopeKeyFilter.serviceBuilder(store, null, null).build());
        assertNotNull(ScopeKeyFilter.serviceBuilder(store, null, "  ").build());
        assertNotNull(ScopeKeyFilter.serviceBuilder(store, null, "3/hour").build());
        assertThrows(IllegalArgumentException.class, () -> ScopeKeyFilter.serviceBuilder(store, null, "junk"));
        assertThrows(NullPointerException.class, () -> ScopeKeyFilter.serviceBuilder(null, null, null));
    }

    @Test
    void destroy_unpublishesAndClosesTheServiceTheFilterBuilt(@TempDir Path dir) throws Exception {
        ScopeKeyFilter filter = new ScopeKeyFilter();
        filter.init(config(Map.of("store", "file:" + dir.resolve("tokens"))));
        TokenService service = (TokenService) attributes.get(ScopeKeyFilter.SERVICE_ATTRIBUTE);
        assertInstanceOf(AuthDecision.Denied.class, service.authenticate("sk_unknown", client()));

        filter.destroy();

        assertNull(attributes.get(ScopeKeyFilter.SERVICE_ATTRIBUTE));
        assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate("sk_unknown", client()));
        assertDoesNotThrow(filter::destroy);
    }

    @Test
    void init_warnsWhenAdminTokenEnvNamesAVariableThatIsNotSet(@TempDir Path dir) throws Exception {
        ScopeKeyFilter filter = new ScopeKeyFilter();
        filter.init(config(Map.of("store", "file:" + dir.resolve("tokens"),
                "admin-token-env", "SCOPEKEY_TEST_VARIABLE_NOBODY_SETS")));
        filter.destroy();

        assertTrue(output.capturedOutput().contains(
                "admin-token-env names SCOPEKEY_TEST_VARIABLE_NOBODY_SETS, which is not set"), output.capturedOutput());
    }

    @Test
    void destroy_leavesAServiceTheApplicationSupplied_andBeforeInitDoesNothing() throws Exception {
        assertDoesNotThrow(new ScopeKeyFilter()::destroy);
        TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding()).build();
        attributes.put(ScopeKeyFilter.SERVICE_ATTRIBUTE, service);
        ScopeKeyFilter filter = new ScopeKeyFilter();
        filter.init(config(Map.of()));

        filter.destroy();

        assertSame(service, attributes.get(ScopeKeyFilter.SERVICE_ATTRIBUTE));
        assertInstanceOf(AuthDecision.Denied.class, service.authenticate("sk_unknown", client()));
    }

    @Test
    void anAsyncDispatchOfAnAuthenticatedRequest_isNotAuthenticatedAgain() throws Exception {
        ScopeKeyFilter filter = suppliedServiceFilter(Map.of());
        PrincipalRequest authenticated =
                new PrincipalRequest(request(DispatcherType.ASYNC, null, 0), new RecordedResponse().proxy(), CALLER);
        RecordedResponse response = new RecordedResponse();

        filter.doFilter(authenticated, response.proxy(), chain);

        assertEquals(List.of(authenticated), passedOn);
        assertEquals(0, response.status);
    }

    @Test
    void aPrincipalOnARequestDispatch_isNoCredential_andTheRefusalClosesAConnectionCarryingABody() throws Exception {
        ScopeKeyFilter filter = suppliedServiceFilter(Map.of());
        PrincipalRequest planted =
                new PrincipalRequest(request(DispatcherType.REQUEST, null, 10), new RecordedResponse().proxy(), CALLER);
        RecordedResponse response = new RecordedResponse();

        filter.doFilter(planted, response.proxy(), chain);

        assertTrue(passedOn.isEmpty());
        assertEquals(401, response.status);
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void aFormBodyOverTheLimit_isA413_thatClosesTheConnection() throws Exception {
        ScopeKeyFilter filter = suppliedServiceFilter(Map.of("form-body-token-check", "true"));
        RecordedResponse response = new RecordedResponse();

        filter.doFilter(request(DispatcherType.REQUEST, "Bearer abc", BufferedFormRequest.LIMIT + 1),
                response.proxy(), chain);

        assertTrue(passedOn.isEmpty());
        assertEquals(413, response.status);
        assertEquals("close", response.headers.get("Connection"));
        assertTrue(response.body().contains("request_too_large"), response.body());
    }

    private ScopeKeyFilter suppliedServiceFilter(Map<String, String> params) throws Exception {
        attributes.put(ScopeKeyFilter.SERVICE_ATTRIBUTE, TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding()).build());
        ScopeKeyFilter filter = new ScopeKeyFilter();
        filter.init(config(params));
        return filter;
    }

    private static ClientRequest client() {
        return new ClientRequest("192.0.2.1", "GET", "/orders");
    }

    private FilterConfig config(Map<String, String> params) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> {
                        attributes.remove((String) args[0]);
                        yield null;
                    }
                    case "getServletRegistrations" -> Map.of();
                    case "toString" -> "test context";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (FilterConfig) Proxy.newProxyInstance(FilterConfig.class.getClassLoader(),
                new Class<?>[] {FilterConfig.class}, (p, method, args) -> switch (method.getName()) {
                    case "getServletContext" -> context;
                    case "getInitParameterNames" -> Collections.enumeration(params.keySet());
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getFilterName" -> "scopekey";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A form POST to /orders from 192.0.2.1 with at most one Authorization header and a body of this length. */
    private static HttpServletRequest request(DispatcherType type, String authorization, long contentLength) {
        List<String> headers = authorization == null ? List.of() : List.of(authorization);
        Map<String, Object> requestAttributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> switch (method.getName()) {
                    case "getDispatcherType" -> type;
                    case "getHeaders" -> Collections.enumeration(
                            BearerTokenResolver.AUTHORIZATION.equalsIgnoreCase((String) args[0]) ? headers : List.of());
                    case "getHeader" -> null;
                    case "getContentLengthLong" -> contentLength;
                    case "getContentType" -> "application/x-www-form-urlencoded";
                    case "getMethod" -> "POST";
                    case "getServletPath" -> "/orders";
                    case "getPathInfo" -> null;
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "getAttribute" -> requestAttributes.get((String) args[0]);
                    case "setAttribute" -> {
                        requestAttributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "toString" -> "test request";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
