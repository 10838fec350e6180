package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The introspection servlet without a container: each refusal with its status, challenge and
 * code, and every answer that leaves a declared body unread closes the connection.
 */
class TokenIntrospectionServletTest {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);
    private static final Map<String, String> WITH_CLIENT = Map.of(
            TokenIntrospectionServlet.CLIENT_ID, "resource-server",
            TokenIntrospectionServlet.CLIENT_SECRET_ENV, "SCOPEKEY_TEST_INTROSPECT_SECRET");

    private final TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding())
            .build();

    @AfterEach
    void close() {
        service.close();
    }

    private String token(String scope) {
        return service.mint(OPERATOR, MintRequest.of(scope)).value().token().reveal();
    }

    /** A POST to the servlet declaring a 10-byte body it does not send. */
    private static TestRequest post() {
        return TestRequest.of("POST", null).answer("getServletPath", "/introspect")
                .body("text/plain", 10, new byte[10]);
    }

    @Test
    void aMethodOtherThanPost_is405_andClosesTheConnection() throws Exception {
        RecordedResponse response = call(service, TestRequest.of("GET", null).answer("getServletPath", "/introspect")
                .body("text/plain", 10, new byte[10]).proxy());

        assertEquals(405, response.status);
        assertEquals("POST", response.headers.get("Allow"));
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void withoutAService_is503_andClosesTheConnection() throws Exception {
        String token = token(IntrospectionGate.SCOPE_TEXT);

        RecordedResponse response = call(null, post().header("Authorization", "Bearer " + token).proxy());

        assertEquals(503, response.status);
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void withoutACredential_is401_withABearerChallenge_andClosesTheConnection() throws Exception {
        RecordedResponse response = call(service, post().proxy());

        assertEquals(401, response.status);
        assertEquals("Bearer realm=\"scopekey\"", response.headers.get("WWW-Authenticate"));
        assertTrue(response.body().contains("\"authentication_required\""), response.body());
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void twoCredentials_are400_withAnInvalidRequestChallenge() throws Exception {
        String token = token(IntrospectionGate.SCOPE_TEXT);

        RecordedResponse response = call(service, post().header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token).proxy());

        assertEquals(400, response.status);
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_request\"", response.headers.get("WWW-Authenticate"));
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void aClientCredentialNotAccepted_isAnInvalidClient() throws Exception {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("resource-server:wrong".getBytes(StandardCharsets.UTF_8));

        RecordedResponse response = call(service, post().header("Authorization", basic).proxy(), WITH_CLIENT);

        assertEquals(401, response.status);
        assertEquals("Basic realm=\"scopekey\", charset=\"UTF-8\"\nBearer realm=\"scopekey\"",
                response.headers.get("WWW-Authenticate"));
        assertTrue(response.body().contains("\"invalid_client\""), response.body());
        assertTrue(response.body().contains("the client credential is not accepted"), response.body());
    }

    @Test
    void aBodyThatIsNotAForm_is415_andClosesTheConnection() throws Exception {
        RecordedResponse response = call(service, post().header("Authorization", "Bearer "
                + token(IntrospectionGate.SCOPE_TEXT)).proxy());

        assertEquals(415, response.status);
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void aFormTheContainerCannotParse_is400() throws Exception {
        HttpServletRequest request = TestRequest.of("POST", null).answer("getServletPath", "/introspect")
                .header("Authorization", "Bearer " + token(IntrospectionGate.SCOPE_TEXT))
                .form(TestRequest.FORM, "token", "x").failing("getParameterValues", new IllegalStateException("bad"))
                .proxy();

        RecordedResponse response = call(service, request);

        assertEquals(400, response.status);
        assertTrue(response.body().contains("the form body cannot be read"), response.body());
    }

    @Test
    void aReadableForm_isAnswered_andKeepsTheConnection() throws Exception {
        String introspected = token("orders:read");
        HttpServletRequest request = TestRequest.of("POST", null).answer("getServletPath", "/introspect")
                .header("Authorization", "Bearer " + token(IntrospectionGate.SCOPE_TEXT))
                .form(TestRequest.FORM, "token", introspected).proxy();

        RecordedResponse response = call(service, request);

        assertEquals(200, response.status);
        assertTrue(response.body().contains("\"active\":true"), response.body());
        assertNull(response.headers.get("Connection"));
    }

    private static RecordedResponse call(TokenService service, HttpServletRequest request) throws Exception {
        return call(service, request, Map.of());
    }

    private static RecordedResponse call(TokenService service, HttpServletRequest request, Map<String, String> params)
            throws Exception {
        TokenIntrospectionServlet servlet = new TokenIntrospectionServlet();
        servlet.init(TestServletConfig.of(service, params));
        RecordedResponse response = new RecordedResponse();
        servlet.service(request, response.proxy());
        return response;
    }
}
