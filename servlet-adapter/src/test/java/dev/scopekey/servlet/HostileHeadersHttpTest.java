package dev.scopekey.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.testkit.Container;
import dev.scopekey.testkit.HttpReply;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile Authorization headers get one exact 4xx each, never a 500 and never an allow: the
 * container refuses what HTTP forbids in a header (Jetty 431 or 400, Tomcat 400) before the filter
 * runs; the filter answers the rest as RFC 6750 says. No log line carries a token sent in such a
 * header (the {@code SecretLeakGuard} of {@link HttpTestSupport} checks every test): on Tomcat
 * this holds because request data logging is off ({@code org.apache.juli.logging.UserDataHelper.CONFIG=NONE},
 * as docs/servlet.md tells operators).
 */
class HostileHeadersHttpTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";

    private static void assertInvalidToken(HttpReply reply) {
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_token\"", reply.header("WWW-Authenticate"));
    }

    private static byte[] header(byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("Authorization: Bearer ".getBytes(ISO_8859_1));
        line.writeBytes(value);
        return line.toByteArray();
    }

    /**
     * The container refuses a header over its limit before any filter runs: Jetty with 431, Tomcat
     * with 400 (docs/servlet.md, Containers). A filter answer would be a 401 with a challenge.
     */
    @Test
    void hundredKilobyteHeader_isRefusedByTheContainer_beforeTheFilter() throws Exception {
        start(WebXml.standard());

        HttpReply reply = http.rawGet(KAFKA, header("a".repeat(100 * 1024).getBytes(ISO_8859_1)));

        assertEquals(Container.configured() == Container.JETTY ? 431 : 400, reply.status(), reply.toString());
        assertNull(reply.header("WWW-Authenticate"), reply.toString());
    }

    @Test
    void tokenLongerThanAnyToken_isAnInvalidToken() throws Exception {
        start(WebXml.standard());

        assertInvalidToken(http.rawGet(KAFKA, header("a".repeat(2000).getBytes(ISO_8859_1))));
    }

    @Test
    void nulByte_isRefusedByTheContainer_with400() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertEquals(400, http.rawGet(KAFKA, header((read + "\0").getBytes(ISO_8859_1))).status());
        assertEquals(400, http.rawGet(KAFKA, header(("ab\0cd").getBytes(ISO_8859_1))).status());
    }

    @Test
    void controlCharacter_isRefusedByTheContainer_with400() throws Exception {
        start(WebXml.standard());

        assertEquals(400, http.rawGet(KAFKA, header("ab\u0001cd".getBytes(ISO_8859_1))).status());
        assertEquals(400, http.rawGet(KAFKA, header("ab\u007fcd".getBytes(ISO_8859_1))).status());
    }

    @Test
    void nonAsciiToken_isAnInvalidToken() throws Exception {
        start(WebXml.standard());

        assertInvalidToken(http.rawGet(KAFKA, header("tökén-ü".getBytes(UTF_8))));
        assertInvalidToken(http.rawGet(KAFKA, header("tökén-ü".getBytes(ISO_8859_1))));
        assertInvalidToken(http.send("GET", KAFKA, null, null, "Authorization", "Bearer t\u00f6ken"));
    }

    @Test
    void nonAsciiScheme_isNoCredential() throws Exception {
        start(WebXml.standard());

        HttpReply reply = http.rawGet(KAFKA, "Authorization: B\u00e9arer abc".getBytes(UTF_8));
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }
}
