package dev.scopekey.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile Authorization headers get a 4xx, never a 500 and never an allow. */
class HostileHeadersHttpTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";

    private static void assertClientError(Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, "status " + reply.status());
    }

    private static byte[] header(byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("Authorization: Bearer ".getBytes(ISO_8859_1));
        line.writeBytes(value);
        return line.toByteArray();
    }

    @Test
    void hundredKilobyteHeader_isAClientError() throws Exception {
        start(WebXml.standard());

        assertClientError(http.rawGet(KAFKA, header("a".repeat(100 * 1024).getBytes(ISO_8859_1))));
    }

    @Test
    void tokenLongerThanAnyToken_isAnInvalidToken() throws Exception {
        start(WebXml.standard());

        assertEquals(401, http.rawGet(KAFKA, header("a".repeat(2000).getBytes(ISO_8859_1))).status());
    }

    @Test
    void nulByte_isAClientError() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertClientError(http.rawGet(KAFKA, header((read + "\0").getBytes(ISO_8859_1))));
        assertClientError(http.rawGet(KAFKA, header(("ab\0cd").getBytes(ISO_8859_1))));
    }

    @Test
    void controlCharacter_isAClientError() throws Exception {
        start(WebXml.standard());

        assertClientError(http.rawGet(KAFKA, header("ab\u0001cd".getBytes(ISO_8859_1))));
        assertClientError(http.rawGet(KAFKA, header("ab\u007fcd".getBytes(ISO_8859_1))));
    }

    @Test
    void nonAsciiToken_isAClientError() throws Exception {
        start(WebXml.standard());

        assertClientError(http.rawGet(KAFKA, header("tökén-ü".getBytes(UTF_8))));
        assertClientError(http.rawGet(KAFKA, header("tökén-ü".getBytes(ISO_8859_1))));
        assertEquals(401, http.send("GET", KAFKA, null, null, "Authorization", "Bearer t\u00f6ken").status());
    }

    @Test
    void nonAsciiScheme_isNoCredential() throws Exception {
        start(WebXml.standard());

        assertClientError(http.rawGet(KAFKA, "Authorization: B\u00e9arer abc".getBytes(UTF_8)));
    }
}
