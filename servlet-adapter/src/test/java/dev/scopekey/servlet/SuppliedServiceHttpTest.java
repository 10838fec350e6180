package dev.scopekey.servlet;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbiddenWithoutChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInsufficientScopeChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidRequest;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static dev.scopekey.testkit.HttpAuthAssert.assertUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.UnavailableTokenStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An application's own web.xml, which names a production store, an admin token variable and a
 * mint rate, runs on a test's service through the testkit's {@code tokenService}; and the
 * testkit's HTTP assertions agree with every answer of docs/http-api.md (Errors) from the real filter.
 */
@Tag("http")
class SuppliedServiceHttpTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";

    /** A web.xml as it ships: its store and admin token are for production, not for the test. */
    private static WebXml production() {
        return WebXml.standard().param(FilterSettings.STORE, "file:/nonexistent/production/tokens")
                .param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV).adminParam(MintRate.PARAM, "1/hour");
    }

    private void startOnTheTestService(WebXml webXml) {
        service = TokenService.builder(store).clock(clock).audit(new Slf4jAuditSink()).lastUsedFlushInterval(null)
                .build();
        http = HttpHarness.webXml(webXml.render()).tokenService(service).start();
    }

    @Test
    void productionWebXml_runsOnTheTestService_withoutItsStoreAdminTokenOrMintRate() {
        startOnTheTestService(production());
        String root = token("*");
        String admin = System.getenv(ADMIN_ENV);

        assertEquals(201, mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]}").status());
        assertEquals(201, mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]}").status(), "the 1/hour mint rate is gone");
        if (admin != null) {
            watch(admin);
            assertInvalidToken(http.get(WebXml.ADMIN_PATH + "/", admin));
        }
    }

    @Test
    void everyAnswerOfTheFilter_passesItsTestkitAssertion() {
        startOnTheTestService(production());
        String read = token("kafka:endpoint:read");

        assertStatus(http.get(KAFKA, read), 200);
        assertEquals("scopekey", assertAuthenticationRequired(http.get(KAFKA, null)).realm());
        assertAuthenticationRequired(http.send("GET", KAFKA, null, null, "Authorization", "Basic dXNlcjpwYXNz"));
        assertInvalidRequest(http.send("GET", KAFKA, null, null, "Authorization", "Bearer a b"));
        assertInvalidToken(http.get(KAFKA, read + "x"));
        assertForbiddenWithoutChallenge(http.call("POST", KAFKA, read));
    }

    @Test
    void insufficientScopeChallenge_passesItsTestkitAssertion() {
        startOnTheTestService(production().param(FilterSettings.INSUFFICIENT_SCOPE_CHALLENGE, "true"));
        String read = token("kafka:endpoint:read");

        assertInsufficientScopeChallenge(http.call("DELETE", KAFKA, read), "kafka:endpoint:write");
    }

    @Test
    void storeOutage_passesTheUnavailableAssertion() {
        store = new UnavailableTokenStore();
        startOnTheTestService(production());

        assertEquals("5", assertUnavailable(http.get(KAFKA, "sk_anything")));
    }
}
