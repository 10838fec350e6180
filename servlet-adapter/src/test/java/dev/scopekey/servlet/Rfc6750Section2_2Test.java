package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §2.2, the form-encoded body parameter: never a credential here, and together with
 * the header it is two methods at once, an invalid request.
 */
class Rfc6750Section2_2Test extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void headerAndBodyParameter_areAnInvalidRequest() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        Reply reply = http.send("POST", KAFKA, FORM, "access_token=" + write, "Authorization", "Bearer " + write);
        assertEquals(400, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_request\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void headerAndAnEmptyBodyParameter_areAnInvalidRequest() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        assertEquals(400, http.send("POST", KAFKA, FORM, "a=1&access_token=", "Authorization", "Bearer " + write)
                .status());
    }

    @Test
    void bodyParameterAlone_isNoCredential() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        Reply reply = http.send("POST", KAFKA, FORM, "access_token=" + write);
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void otherFormFields_withTheHeader_areFine() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        assertEquals(200, http.send("POST", KAFKA, FORM, "topic=orders", "Authorization", "Bearer " + write).status());
    }
}
