package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.SecretLeakGuard;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin servlet without a container: which answers leave a body unread and so close the
 * connection, the caller it acts for, list limits and paging links, and the 500 of a failure
 * nothing expected.
 */
class TokenAdminServletTest {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);
    /** The message of a store's bug, which may carry what a request sent: never logged. */
    private static final String STORE_BUG = "store-bug-message-Qx7Lm2";

    @RegisterExtension
    final SecretLeakGuard leaks = new SecretLeakGuard();

    private TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding()).build();

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void withoutAServiceInTheContext_answers503_andClosesAConnectionWithABody() throws Exception {
        RecordedResponse response = call(null, TestRequest.of("POST", null).json("{\"scopes\":[\"a:read\"]}").proxy());

        assertEquals(503, response.status);
        assertEquals("close", response.headers.get("Connection"));
        assertTrue(response.body().contains("temporarily_unavailable"), response.body());
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /sk_unknown, 404", "GET, /a/b/c, 404", "POST, /a/b/c, 404", "PUT, , 405",
        "GET, /sk_x/rotate, 405", "POST, /sk_x, 405", "GET, , 200"})
    void answersThatLeaveADeclaredBodyUnread_closeTheConnection(String method, String path, int status)
            throws Exception {
        HttpServletRequest request = TestRequest.of(method, path).body("text/plain", 10, new byte[10])
                .principal(root()).proxy();

        RecordedResponse response = call(service, request);

        assertEquals(status, response.status, response.body());
        assertEquals("close", response.headers.get("Connection"));
    }

    @Test
    void aChunkedBodyLeftUnread_closesTheConnectionToo() throws Exception {
        HttpServletRequest request = TestRequest.of("DELETE", "/sk_unknown").header("Transfer-Encoding", "chunked")
                .principal(root()).proxy();

        assertEquals("close", call(service, request).headers.get("Connection"));
    }

    @Test
    void aMintReadsItsBody_andKeepsTheConnection() throws Exception {
        HttpServletRequest request = TestRequest.of("POST", null).json("{\"scopes\":[\"a:read\"]}").principal(root())
                .proxy();

        RecordedResponse response = call(service, request);

        assertEquals(201, response.status, response.body());
        assertNull(response.headers.get("Connection"));
    }

    @Test
    void aRouteAnsweredWithoutABody_keepsTheConnection_andTheAnswerIsNotCached() throws Exception {
        String prefix = service.mint(OPERATOR, MintRequest.of("a:read")).value().record().prefix();
        HttpServletRequest request = TestRequest.of("DELETE", "/" + prefix).principal(root()).proxy();

        RecordedResponse response = call(service, request);

        assertEquals(204, response.status);
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertNull(response.headers.get("Connection"));
    }

    @Test
    void aWrongMethod_namesTheMethodsTheRouteAccepts() throws Exception {
        RecordedResponse response = call(service, TestRequest.of("PUT", "/sk_x").principal(root()).proxy());

        assertEquals(405, response.status);
        assertEquals("DELETE, PATCH", response.headers.get("Allow"));
    }

    @Test
    void theCaller_isTheContainersTokenPrincipal_elseAnonymous() throws Exception {
        HttpServletRequest anonymous = TestRequest.of("GET", null).proxy();
        HttpServletRequest principal = TestRequest.of("GET", null).principal(root()).proxy();
        HttpServletRequest someoneElse = TestRequest.of("GET", null).principal(() -> "alice").proxy();

        assertEquals(200, call(service, principal).status);
        assertEquals(403, call(service, anonymous).status);
        assertEquals(403, call(service, someoneElse).status);
        assertTrue(TokenAdminServlet.caller(anonymous).toString().contains("anonymous"),
                TokenAdminServlet.caller(anonymous).toString());
    }

    @ParameterizedTest
    @CsvSource({"0, 400", "1, 200", "500, 200", "501, 400", "-1, 400", "ten, 400"})
    void listLimits_runFromOneToTheLargestPage(String limit, int status) throws Exception {
        HttpServletRequest request = TestRequest.of("GET", null).query("limit=" + limit).principal(root()).proxy();

        RecordedResponse response = call(service, request);

        assertEquals(status, response.status, response.body());
        if (status == 400) {
            assertTrue(response.body().contains("limit is a whole number from 1 to " + TokenQuery.MAX_LIMIT),
                    response.body());
        }
    }

    @Test
    void aPagedList_linksToTheNextPage_keepingOnlyTheFiltersGiven() throws Exception {
        for (int i = 0; i < 3; i++) {
            service.mint(OPERATOR, MintRequest.of("a:read").forSubject("team a")).value();
        }

        String plain = call(service, TestRequest.of("GET", null).query("limit=1").principal(root()).proxy())
                .headers.get("Link");
        String filtered = call(service, TestRequest.of("GET", null).query("limit=1&subject=team+a&expiringWithin=400d")
                .principal(root()).proxy()).headers.get("Link");

        assertTrue(plain.matches("</admin/tokens\\?after=[^&]+&limit=1>; rel=\"next\""), plain);
        assertTrue(filtered.matches("</admin/tokens\\?after=[^&]+&subject=team\\+a&expiringWithin=400d&limit=1>; "
                + "rel=\"next\""), filtered);
        assertNull(call(service, TestRequest.of("GET", null).principal(root()).proxy()).headers.get("Link"));
    }

    @Test
    void aFailureNothingExpected_discardsWhatWasWritten_andAnswersAJson500() throws Exception {
        TokenService failing = TokenService.builder(listFailing()).audit(AuditSink.discarding()).build();
        leaks.watch(STORE_BUG);
        RecordedResponse response = new RecordedResponse();
        response.headers.put("X-Partial", "yes");
        response.proxy().getOutputStream().write("partial".getBytes(StandardCharsets.UTF_8));

        call(failing, TestRequest.of("GET", null).principal(root()).proxy(), response);

        assertEquals(500, response.status);
        assertEquals(1, response.resets);
        assertFalse(response.headers.containsKey("X-Partial"));
        assertTrue(response.body().startsWith("{") && response.body().contains("server_error"), response.body());
        assertTrue(leaks.capturedOutput().contains("admin call failed unexpectedly: java.lang.IllegalStateException at "
                + TokenAdminServletTest.class.getName()), "the log names the exception and where it was thrown");
        failing.close();
    }

    @Test
    void aFailureAfterTheAnswerWasCommitted_leavesTheAnswerAlone() throws Exception {
        TokenService failing = TokenService.builder(listFailing()).audit(AuditSink.discarding()).build();
        RecordedResponse response = new RecordedResponse();
        response.committed = true;

        call(failing, TestRequest.of("GET", null).principal(root()).proxy(), response);

        assertEquals(0, response.status);
        assertEquals(0, response.resets);
        assertEquals("", response.body());
        failing.close();
    }

    private TokenPrincipal root() {
        return TokenPrincipal.of(service.mint(OPERATOR, MintRequest.of("*")).value().record());
    }

    /** A store whose listing throws what no store should: an unchecked exception other than a store failure. */
    private static TokenStore listFailing() {
        InMemoryTokenStore memory = new InMemoryTokenStore();
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (p, method, args) -> {
                    if (method.getName().equals("list")) {
                        throw new IllegalStateException(STORE_BUG);
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static RecordedResponse call(TokenService service, HttpServletRequest request) throws Exception {
        RecordedResponse response = new RecordedResponse();
        call(service, request, response);
        return response;
    }

    private static void call(TokenService service, HttpServletRequest request, RecordedResponse response)
            throws Exception {
        TokenAdminServlet servlet = new TokenAdminServlet();
        servlet.init(TestServletConfig.of(service, Map.of()));
        servlet.service(request, response.proxy());
    }
}
