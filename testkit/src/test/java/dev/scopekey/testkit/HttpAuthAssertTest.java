package dev.scopekey.testkit;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbidden;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbiddenWithoutChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInsufficientScopeChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidRequest;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static dev.scopekey.testkit.HttpAuthAssert.assertUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Each HTTP auth assertion accepts exactly its answer, and its failure message never holds a token. */
class HttpAuthAssertTest {
    private static final String CHALLENGE = "Bearer realm=\"api\"";

    static HttpReply reply(int status, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
        }
        return HttpReply.of(status, map, "{\"error\":\"x\"}");
    }

    private static String failureOf(Executable assertion) {
        return assertThrows(AssertionFailedError.class, assertion).getMessage();
    }

    @Test
    void authenticationRequired_is401_withAChallenge_andNoErrorAttribute() {
        assertEquals("api", assertAuthenticationRequired(reply(401, "WWW-Authenticate", CHALLENGE)).realm());
        assertAuthenticationRequired(reply(401, "www-authenticate", "Basic realm=\"x\", bearer  REALM=api"));

        failureOf(() -> assertAuthenticationRequired(reply(401)));
        failureOf(() -> assertAuthenticationRequired(reply(403, "WWW-Authenticate", CHALLENGE)));
        failureOf(() -> assertAuthenticationRequired(reply(401, "WWW-Authenticate", "Basic realm=\"api\"")));
        failureOf(() -> assertAuthenticationRequired(reply(401, "WWW-Authenticate", CHALLENGE
                + ", error=\"invalid_token\"")));
        failureOf(() -> assertAuthenticationRequired(reply(401, "WWW-Authenticate", CHALLENGE
                + ", error_description=\"no token\"")));
    }

    @Test
    void invalidRequest_is400_withErrorInvalidRequest() {
        assertInvalidRequest(reply(400, "WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_request\""));
        assertInvalidRequest(reply(400, "WWW-Authenticate", "Bearer error=invalid_request"));

        failureOf(() -> assertInvalidRequest(reply(400)));
        failureOf(() -> assertInvalidRequest(reply(401, "WWW-Authenticate", "Bearer error=\"invalid_request\"")));
        failureOf(() -> assertInvalidRequest(reply(400, "WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }

    @Test
    void invalidToken_is401_withErrorInvalidToken() {
        BearerChallenge challenge = assertInvalidToken(reply(401, "WWW-Authenticate",
                "Bearer error=\"invalid_token\", realm=\"a \\\"quoted\\\" realm\", error_description=\"expired\""));
        assertEquals("a \"quoted\" realm", challenge.realm());
        assertEquals("expired", challenge.errorDescription());

        failureOf(() -> assertInvalidToken(reply(401, "WWW-Authenticate", CHALLENGE)));
        failureOf(() -> assertInvalidToken(reply(403, "WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }

    @Test
    void forbiddenWithoutChallenge_refusesAChallenge() {
        assertForbiddenWithoutChallenge(reply(403));
        assertForbiddenWithoutChallenge(reply(403, "WWW-Authenticate", "Basic realm=\"x\""));

        failureOf(() -> assertForbiddenWithoutChallenge(reply(401)));
        failureOf(() -> assertForbiddenWithoutChallenge(reply(403, "WWW-Authenticate",
                "Bearer error=\"insufficient_scope\"")));
    }

    @Test
    void insufficientScopeChallenge_namesTheScope_amongOthers() {
        BearerChallenge challenge = assertInsufficientScopeChallenge(reply(403, "WWW-Authenticate",
                "Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"a:read b:write\""), "b:write");
        assertEquals(List.of("a:read", "b:write"), challenge.scopes());

        failureOf(() -> assertInsufficientScopeChallenge(reply(403), "a:read"));
        failureOf(() -> assertInsufficientScopeChallenge(reply(403, "WWW-Authenticate",
                "Bearer error=\"insufficient_scope\", scope=\"a:read\""), "a:rea"));
        failureOf(() -> assertInsufficientScopeChallenge(reply(403, "WWW-Authenticate",
                "Bearer error=\"invalid_token\", scope=\"a:read\""), "a:read"));
    }

    @Test
    void forbidden_acceptsEitherKindOf403_butNoOtherChallenge() {
        assertEquals(Optional.empty(), assertForbidden(reply(403)));
        assertEquals("insufficient_scope", assertForbidden(reply(403, "WWW-Authenticate",
                "Bearer error=\"insufficient_scope\"")).orElseThrow().error());

        failureOf(() -> assertForbidden(reply(403, "WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        failureOf(() -> assertForbidden(reply(200)));
    }

    @Test
    void unavailable_is503_withAValidRetryAfter_andNoChallenge() {
        assertEquals("5", assertUnavailable(reply(503, "Retry-After", "5")));
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", assertUnavailable(reply(503, "Retry-After",
                "Wed, 21 Oct 2015 07:28:00 GMT")));

        failureOf(() -> assertUnavailable(reply(503)));
        failureOf(() -> assertUnavailable(reply(503, "Retry-After", "soon")));
        failureOf(() -> assertUnavailable(reply(503, "Retry-After", "-1")));
        failureOf(() -> assertUnavailable(reply(401, "Retry-After", "5")));
        failureOf(() -> assertUnavailable(reply(503, "Retry-After", "5", "WWW-Authenticate", CHALLENGE)));
    }

    @Test
    void malformedChallenge_failsWithTheReason() {
        String message = failureOf(() -> assertInvalidToken(reply(401, "WWW-Authenticate",
                "Bearer error=\"invalid_token\", error=\"invalid_token\"")));
        assertTrue(message.contains("WWW-Authenticate is malformed (the parameter error appears twice"), message);
        failureOf(() -> assertInvalidToken(reply(401, "WWW-Authenticate", "Bearer error=\"invalid_token")));
        failureOf(() -> assertInvalidToken(reply(401, "WWW-Authenticate", "Bearer abcdef==")));
        failureOf(() -> assertInvalidToken(reply(401, "WWW-Authenticate", "Bearer error=\"invalid_token\"",
                "WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }

    @Test
    void status_mismatch_showsTheStatus_headerNames_andTheBody() {
        String message = failureOf(() -> assertStatus(reply(418, "X-Teapot", "short and stout"), 200));

        assertEquals("expected status 200, but got status 418, headers {x-teapot: short and stout}, body "
                + "{\"error\":\"x\"}", message);
    }

    @Test
    void failureMessage_neverHoldsAMintedToken_anywhereInTheReply() {
        String token = TokenFormat.withBrand("sk").generate(new SecureRandom()).reveal();
        HttpReply echoing = HttpReply.of(200, Map.of("X-Echo", List.of("Bearer " + token),
                "Location", List.of("/cb#access_token=" + token)), "{\"token\":\"" + token + "\",\"secret\":\""
                + token.substring(15, 47) + "\"}");

        for (Executable assertion : List.<Executable>of(() -> assertInvalidToken(echoing),
                () -> assertUnavailable(echoing), () -> assertStatus(echoing, 401),
                () -> assertAuthenticationRequired(echoing), () -> assertForbidden(echoing))) {
            String message = failureOf(assertion);
            assertFalse(message.contains(token.substring(15, 47)), message);
            assertTrue(message.contains("status 200"), message);
            assertTrue(message.contains("x-echo: Bearer [redacted]"), message);
            assertTrue(message.contains(token.substring(0, 15) + "…[redacted]"), message);
        }
    }

    @Test
    void failureMessage_neverHoldsTheLegacyTokenItsRequestCarried_norAWatchedOne() {
        String sent = "legacy-token-the-request-carried";
        String watched = "short1";
        String body = "{\"seen\":\"" + sent + "\",\"and\":\"" + watched + "\",\"not\":\"short12\"}";
        HttpReply echoing = new HttpReply(403, Map.of("X-Seen", List.of(sent)), body, sent, List.of(watched));

        String message = failureOf(() -> assertInvalidToken(echoing));

        assertFalse(message.contains(sent), message);
        assertFalse(message.contains("\"short1\""), message);
        assertTrue(message.contains("x-seen: [redacted]") && message.contains("\"short12\""), message);
        assertEquals(body, echoing.body());
    }

    @Test
    void failureMessage_truncatesALongBody() {
        HttpReply big = HttpReply.of(500, Map.of(), "x ".repeat(500));

        String message = failureOf(() -> assertStatus(big, 200));

        assertTrue(message.endsWith("body " + "x ".repeat(Redactor.BODY_LIMIT / 2) + "… (700 more characters)"),
                message);
    }
}
