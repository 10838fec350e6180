package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §3, the WWW-Authenticate response header: a request without credentials gets the
 * challenge with the realm and no error attribute.
 */
class Rfc6750Section3Test extends HttpTestSupport {

    @Test
    void noCredential_getsAChallengeWithoutErrorAttribute() throws Exception {
        start(WebXml.standard());

        Reply reply = http.get("/api/kafka/endpoint", null);
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
        assertFalse(reply.header("WWW-Authenticate").contains("error"));
        assertEquals("authentication_required", Json.field(reply.body(), "error"));
    }

    @Test
    void realm_comesFromTheInitParam() throws Exception {
        start(WebXml.standard().param(FilterSettings.REALM, "orders api"));

        assertEquals("Bearer realm=\"orders api\"", http.get("/api/kafka/endpoint", null).header("WWW-Authenticate"));
        assertEquals("Bearer realm=\"orders api\", error=\"invalid_token\"",
                http.get("/api/kafka/endpoint", "nope").header("WWW-Authenticate"));
    }

    @Test
    void errorBodies_areJson_andNeverCached() throws Exception {
        start(WebXml.standard());

        Reply reply = http.get("/api/kafka/endpoint", "unknown-token");
        assertEquals("application/json;charset=utf-8", reply.header("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("the token is malformed, unknown, expired or revoked", Json.field(reply.body(), "message"));
    }
}
