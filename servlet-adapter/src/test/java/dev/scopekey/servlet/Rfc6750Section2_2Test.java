package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.testkit.HttpReply;
import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §2.2, the form-encoded body parameter: never a credential here. With
 * {@code form-body-token-check=true} the filter looks for it, and together with the header it is
 * two methods at once, an invalid request; by default the filter leaves the body to the
 * application and judges the header alone.
 */
class Rfc6750Section2_2Test extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static WebXml checking() {
        return WebXml.standard().param(FormBodyIsLeftForTheApplicationTest.CHECK, "true");
    }

    @Test
    void headerAndBodyParameter_areAnInvalidRequest() {
        start(checking());
        String write = token("kafka:endpoint:write");

        HttpReply reply = http.send("POST", KAFKA, FORM, "access_token=" + write, "Authorization", "Bearer " + write);
        assertEquals(400, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_request\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void headerAndAnEmptyBodyParameter_areAnInvalidRequest() {
        start(checking());
        String write = token("kafka:endpoint:write");

        assertEquals(400, http.send("POST", KAFKA, FORM, "a=1&access_token=", "Authorization", "Bearer " + write)
                .status());
        assertEquals(400, http.send("POST", KAFKA, FORM, "a=1&access_token", "Authorization", "Bearer " + write)
                .status());
        assertEquals(400, http.send("POST", KAFKA, FORM + "; charset=UTF-8", "access%5Ftoken=x",
                "Authorization", "Bearer " + write).status());
    }

    @Test
    void headerAndABodyThatCannotBeRead_areAnInvalidRequest() {
        start(checking());
        String write = token("kafka:endpoint:write");

        assertEquals(400, http.send("POST", KAFKA, FORM, "a=%zz", "Authorization", "Bearer " + write).status());
        assertEquals(400, http.send("POST", KAFKA, FORM + "; charset=no-such-charset", "a=1",
                "Authorization", "Bearer " + write).status());
    }

    @Test
    void bodyParameterAlone_isNoCredential() {
        start(checking());
        String write = token("kafka:endpoint:write");

        HttpReply reply = http.send("POST", KAFKA, FORM, "access_token=" + write);
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void otherFormFields_withTheHeader_areFine() {
        start(checking());
        String write = token("kafka:endpoint:write");

        assertEquals(200, http.send("POST", KAFKA, FORM, "topic=orders", "Authorization", "Bearer " + write).status());
        assertEquals(200, http.send("POST", KAFKA + "?access_token=x", FORM, "topic=orders",
                "Authorization", "Bearer " + write).status());
    }

    @Test
    void byDefault_theBodyIsNotRead_soTheHeaderAloneDecides() {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        assertEquals(200, http.send("POST", KAFKA, FORM, "access_token=other", "Authorization", "Bearer " + write)
                .status());
    }
}
