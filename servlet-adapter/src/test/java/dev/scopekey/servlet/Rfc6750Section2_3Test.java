package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §2.3, the URI query parameter: never accepted (it ends up in access logs); a request
 * whose only token is in the query string has no credential.
 */
class Rfc6750Section2_3Test extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";

    @Test
    void queryToken_isNotACredential() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        Reply reply = http.get(KAFKA + "?access_token=" + read, null);
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void queryToken_onAPostForm_isNotACredentialEither() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        assertEquals(401, http.send("POST", KAFKA + "?access_token=" + write, "application/x-www-form-urlencoded",
                "topic=orders").status());
    }

    @Test
    void queryToken_besideAValidHeader_isIgnored() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        String root = token("*");

        assertEquals(403, http.call("POST", KAFKA + "?access_token=" + root, read).status());
        assertEquals(200, http.get(KAFKA + "?access_token=junk", read).status());
    }
}
