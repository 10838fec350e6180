package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §3.1, error codes: {@code invalid_request} 400, {@code invalid_token} 401 for every
 * token that is not good (malformed, bad check, unknown, revoked, expired — one answer),
 * {@code insufficient_scope} 403, with the challenge only when asked for.
 */
class Rfc6750Section3_1Test extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    private static final String INVALID_TOKEN = "Bearer realm=\"scopekey\", error=\"invalid_token\"";

    private void assertInvalidToken(Reply reply) {
        assertEquals(401, reply.status());
        assertEquals(INVALID_TOKEN, reply.header("WWW-Authenticate"));
        assertEquals("invalid_token", Json.field(reply.body(), "error"));
    }

    @Test
    void unknownToken_isInvalidToken() throws Exception {
        start(WebXml.standard());

        assertInvalidToken(http.get(KAFKA, "sk_unknown"));
    }

    @Test
    void mintedShapeWithBadCheck_isInvalidToken() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        char last = read.charAt(read.length() - 1);
        String broken = read.substring(0, read.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertInvalidToken(http.get(KAFKA, broken));
    }

    @Test
    void revokedToken_isInvalidToken() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        assertEquals(200, http.get(KAFKA, read).status());

        service.revoke(Caller.operator(ActorLabel.CLI), read.substring(0, 15));

        assertInvalidToken(http.get(KAFKA, read));
    }

    @Test
    void expiredToken_isInvalidToken() throws Exception {
        start(WebXml.standard());
        String read = service.mint(Caller.operator(ActorLabel.CLI),
                MintRequest.of("kafka:endpoint:read").expiringIn(Duration.ofMinutes(5))).value().token().reveal();
        http.watch.secret(read);
        assertEquals(200, http.get(KAFKA, read).status());

        clock.advance(Duration.ofMinutes(5));

        assertInvalidToken(http.get(KAFKA, read));
    }

    @Test
    void insufficientScope_is403_withoutChallenge_byDefault() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        Reply reply = http.call("POST", KAFKA, read);
        assertEquals(403, reply.status());
        assertNull(reply.header("WWW-Authenticate"));
        assertEquals("this route requires scope kafka:endpoint:write", Json.field(reply.body(), "message"));
    }

    @Test
    void insufficientScopeChallenge_namesTheScope_whenSwitchedOn() throws Exception {
        start(WebXml.standard().param(FilterSettings.INSUFFICIENT_SCOPE_CHALLENGE, "true"));
        String read = token("kafka:endpoint:read");

        Reply reply = http.call("POST", KAFKA, read);
        assertEquals(403, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"insufficient_scope\", scope=\"kafka:endpoint:write\"",
                reply.header("WWW-Authenticate"));
    }

    @Test
    void invalidRequest_is400() throws Exception {
        start(WebXml.standard());

        Reply reply = http.send("GET", KAFKA, null, null, "Authorization", "Bearer a b");
        assertEquals(400, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_request\"", reply.header("WWW-Authenticate"));
        assertEquals("invalid_request", Json.field(reply.body(), "error"));
    }
}
