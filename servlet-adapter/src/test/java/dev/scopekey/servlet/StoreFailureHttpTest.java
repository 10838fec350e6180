package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.testkit.HttpAuthAssert;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.UnavailableTokenStore;
import org.junit.jupiter.api.Test;

/** A store that fails gives 503 with Retry-After: never an allow, never a 401. */
class StoreFailureHttpTest extends HttpTestSupport {

    @Test
    void failingStore_answers503WithRetryAfter() throws Exception {
        store = new UnavailableTokenStore();
        start(WebXml.standard());

        HttpReply reply = http.get("/api/kafka/endpoint", "sk_anything");

        assertEquals("5", HttpAuthAssert.assertUnavailable(reply));
        assertEquals(503, reply.status());
        assertEquals("5", reply.header("Retry-After"));
        assertEquals("temporarily_unavailable", Json.field(reply.body(), "error"));
    }

    @Test
    void failingStore_duringAnAdminCall_answers503() throws Exception {
        String admin = "breakglass-for-the-outage-test-Jd5Pw9Xs3Lc7";
        store = new UnavailableTokenStore();
        start(WebXml.standard(), admin);

        assertEquals(503, mint(admin, "{\"scopes\":[\"a\"]}").status());
        assertEquals(503, http.get(WebXml.ADMIN_PATH + "/", admin).status());
        assertEquals(503, http.call("DELETE", WebXml.ADMIN_PATH + "/sk_abc", admin).status());
    }

    @Test
    void requestWithoutToken_stillGets401_sinceNoStoreIsAsked() throws Exception {
        store = new UnavailableTokenStore();
        start(WebXml.standard());

        assertEquals(401, http.get("/api/kafka/endpoint", null).status());
    }
}
