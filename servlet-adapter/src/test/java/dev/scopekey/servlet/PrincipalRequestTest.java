package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request the filter hands on: the token's principal, its scopes as roles, and async that keeps it. */
class PrincipalRequestTest {
    private static final TokenPrincipal PRINCIPAL =
            TokenPrincipal.integrator("test-tier", "alice", ScopeSet.parseList("orders:read"));

    private final List<String> calls = new ArrayList<>();
    private final AsyncContext async = proxy(AsyncContext.class, "async");
    private final HttpServletResponse response = proxy(HttpServletResponse.class, "response");

    @Test
    void principalRequest_answersAsTheTokenPrincipal_withBearerAuth() {
        PrincipalRequest request = new PrincipalRequest(container(true), response, PRINCIPAL);

        assertSame(PRINCIPAL, request.getUserPrincipal());
        assertEquals("alice", request.getRemoteUser());
        assertEquals("Bearer", request.getAuthType());
        assertTrue(request.isUserInRole("orders:read"));
        assertFalse(request.isUserInRole("orders:write"));
    }

    @Test
    void of_findsThePrincipalThroughWrappers_andNoneOnAPlainRequest() {
        HttpServletRequest container = container(true);
        PrincipalRequest request = new PrincipalRequest(container, response, PRINCIPAL);

        assertSame(PRINCIPAL, PrincipalRequest.of(request));
        assertSame(PRINCIPAL, PrincipalRequest.of(new HttpServletRequestWrapper(new HttpServletRequestWrapper(request))));
        assertNull(PrincipalRequest.of(container));
        assertNull(PrincipalRequest.of(new HttpServletRequestWrapper(container)));
        assertNull(PrincipalRequest.of(null));
    }

    @Test
    void startAsync_handsThisRequestAndTheResponseToTheContainer() {
        PrincipalRequest request = new PrincipalRequest(container(true), response, PRINCIPAL);

        assertSame(async, request.startAsync());
        assertEquals(List.of("startAsync(request, response)"), calls);
    }

    @Test
    void startAsync_whereAsyncIsNotSupported_isTheContainersOwnRefusal() {
        PrincipalRequest request = new PrincipalRequest(container(false), response, PRINCIPAL);

        assertSame(async, request.startAsync());
        assertEquals(List.of("startAsync()"), calls);
    }

    /** A container request that records how async was started on it. */
    private HttpServletRequest container(boolean asyncSupported) {
        HttpServletRequest[] self = new HttpServletRequest[1];
        self[0] = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isAsyncSupported" -> asyncSupported;
                    case "getUserPrincipal", "getRemoteUser", "getAuthType" -> null;
                    case "isUserInRole" -> false;
                    case "startAsync" -> {
                        if (args == null) {
                            calls.add("startAsync()");
                        } else {
                            boolean wrapped = args[0] instanceof PrincipalRequest
                                    && ((PrincipalRequest) args[0]).getRequest() == self[0];
                            calls.add("startAsync(" + (wrapped ? "request" : "other") + ", "
                                    + (args[1] == response ? "response" : "other") + ")");
                        }
                        yield async;
                    }
                    case "toString" -> "container request";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return self[0];
    }

    private static <T> T proxy(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
