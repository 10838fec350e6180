package dev.scopekey.servlet;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.testkit.HttpReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous servlet behind the filter, in a web.xml that declares
 * {@code async-supported} on the filter and the servlets and maps the filter for {@code REQUEST}
 * and {@code ASYNC}: the servlet's async context keeps the token's principal; a refused request
 * never reaches the servlet; an {@code ASYNC} dispatch is checked against the route it is
 * dispatched to, with the principal of the request that went async.
 */
class AsyncServletHttpTest extends HttpTestSupport {
    private static final String ASYNC = "/workspaces/a/async";
    private static final String DISPATCHING = "/workspaces/a/dispatch";

    @BeforeEach
    void deployAsyncServlets() {
        start(WebXml.standard().asyncReady()
                .servlet("async", AsyncPrincipalServlet.class, ASYNC)
                .servlet("dispatching", AsyncPrincipalServlet.class, DISPATCHING, "dispatch-to", "/api/kafka/endpoint"));
    }

    @Test
    void asyncServlet_answers200_withThePrincipalItsAsyncContextCarries() {
        String token = token("workspaces:a:write");
        String user = Json.field(assertStatus(http.get("/workspaces/a/echo", token), 200).body(), "user");

        HttpReply reply = assertStatus(http.get(ASYNC, token), 200);

        assertEquals("async answer for " + user, reply.body());
    }

    @Test
    void aRefusedRequest_neverReachesTheAsyncServlet() {
        String other = token("kafka:endpoint:read");
        int reached = AsyncPrincipalServlet.REACHED.get();

        assertAuthenticationRequired(http.get(ASYNC, null));
        assertStatus(http.get(ASYNC, other), 403);
        assertInvalidToken(http.get(ASYNC, "sk_notAToken000000000000000000000000000000000000000"));

        assertEquals(reached, AsyncPrincipalServlet.REACHED.get(), "a refused request reached the servlet");
    }

    @Test
    void anAsyncDispatch_isCheckedAgainstTheRouteItIsDispatchedTo() {
        String workspaceOnly = token("workspaces:a:write");

        HttpReply refused = assertStatus(http.get(DISPATCHING, workspaceOnly), 403);

        assertEquals("insufficient_scope", Json.field(refused.body(), "error"));
    }

    @Test
    void anAsyncDispatch_thatItsRouteGrants_reachesItsTarget_withTheSamePrincipal() {
        String both = token("workspaces:a:write", "kafka:endpoint:read");
        String user = Json.field(assertStatus(http.get("/workspaces/a/echo", both), 200).body(), "user");

        HttpReply reply = assertStatus(http.get(DISPATCHING, both), 200);

        assertEquals("/api/kafka/endpoint", Json.field(reply.body(), "path"));
        assertEquals(user, Json.field(reply.body(), "user"));
        assertEquals(PrincipalRequest.AUTH_TYPE, Json.field(reply.body(), "authType"));
    }
}
