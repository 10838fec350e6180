package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.testkit.HttpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 7662 over real HTTP: what an authenticated caller learns about a token (§2.2), the one
 * {@code {"active":false}} for every token that is not active, and how a caller that may not ask
 * is refused (§2.1, §2.3). The leak guard watches the introspected token, the caller's token and
 * the client secret in every response and log line.
 */
class TokenIntrospectionHttpTest extends IntrospectionHttpSupport {

    @Test
    void liveToken_isActive_withItsScopesSubjectTimesAndPrefix() {
        startIntrospection();
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:endpoint:read", "docs:read")
                .forSubject("user-42").expiringIn(Duration.ofHours(2))).value().token().reveal();
        watch(token);

        HttpReply reply = introspect(client(), token);

        assertEquals(200, reply.status());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        Map<?, ?> answer = Json.object(reply.body());
        Instant now = clock.instant();
        assertEquals(Boolean.TRUE, answer.get("active"));
        assertEquals("docs:read kafka:endpoint:read", sortedScope(answer));
        assertEquals("user-42", answer.get("sub"));
        assertEquals(now.plus(Duration.ofHours(2)).getEpochSecond(), ((Number) answer.get("exp")).longValue());
        assertEquals(now.getEpochSecond(), ((Number) answer.get("iat")).longValue());
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(TokenFormat.displayPrefix(token).orElseThrow(), answer.get("client_id"));
    }

    @Test
    void tokenWithoutSubjectOrExpiry_leavesThoseMembersOut() {
        startIntrospection();
        String token = token("a:b");

        Map<?, ?> answer = Json.object(introspect(client(), token).body());

        assertEquals("a:b", answer.get("scope"));
        assertFalse(answer.containsKey("sub"), answer.toString());
        assertFalse(answer.containsKey("exp"), answer.toString());
        assertFalse(answer.containsKey("username"), answer.toString());
    }

    @Test
    void rotatedTokenInItsGracePeriod_isActive_untilItRetires() {
        startIntrospection();
        String old = token("a:b");
        String prefix = TokenFormat.displayPrefix(old).orElseThrow();
        watch(service.rotate(Caller.operator(ActorLabel.CLI), prefix, Duration.ofMinutes(10)).value().token().reveal());

        Map<?, ?> answer = Json.object(introspect(client(), old).body());

        assertEquals(Boolean.TRUE, answer.get("active"));
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond(),
                ((Number) answer.get("exp")).longValue());
    }

    @Test
    void unknownRevokedExpiredBadChecksumAndMalformed_areAllExactlyInactive() {
        startIntrospection();
        String revoked = token("a:b");
        service.revoke(Caller.operator(ActorLabel.CLI), TokenFormat.displayPrefix(revoked).orElseThrow());
        String expired = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("a:b")
                .expiringIn(Duration.ofMinutes(5))).value().token().reveal();
        watch(expired);
        clock.advance(Duration.ofMinutes(6));
        String live = token("a:b");
        String badChecksum = live.substring(0, live.length() - 1) + (live.endsWith("A") ? "B" : "A");
        watch(badChecksum);

        for (String token : List.of("unknown-legacy-token", revoked, expired, badChecksum, "not a token\n", "é")) {
            HttpReply reply = introspect(client(), token);
            assertEquals(200, reply.status(), token);
            assertEquals("{\"active\":false}", reply.body());
            assertEquals("no-store", reply.header("Cache-Control"));
        }
    }

    @Test
    void introspectedToken_thatIsNotActive_leavesNoAuditLine() {
        startIntrospection();
        String revoked = token("a:b");
        service.revoke(Caller.operator(ActorLabel.CLI), TokenFormat.displayPrefix(revoked).orElseThrow());

        assertEquals(List.of(), audited(() -> introspect(client(), revoked), 200));
        assertEquals(List.of(), audited(() -> introspect(client(), "unknown-legacy-token"), 200));
    }

    @Test
    void introspecting_countsAsAUseOfTheToken() {
        startIntrospection();
        String token = token("a:b");
        clock.advance(Duration.ofMinutes(3));

        introspect(client(), token);
        service.flushLastUsed();

        assertEquals(clock.instant(), store.findByHash(TokenHash.of(token)).orElseThrow().lastUsedAt());
    }

    @Test
    void otherMethods_are405_withAllowPost() {
        startIntrospection();

        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpReply reply = http.send(method, PATH, null, null, "Authorization", client());
            assertEquals(405, reply.status(), method);
            assertEquals("POST", reply.header("Allow"));
            assertEquals("method_not_allowed", Json.field(reply.body(), "error"));
        }
    }

    @Test
    void missingEmptyOrRepeatedToken_is400InvalidRequest() {
        startIntrospection();
        String token = token("a:b");

        for (String body : List.of("", "token_type_hint=access_token", "token=", "token=" + token + "&token=" + token)) {
            HttpReply reply = post(client(), body);
            assertEquals(400, reply.status(), body);
            assertEquals("invalid_request", Json.field(reply.body(), "error"));
            assertFalse(reply.body().contains(token));
        }
    }

    @Test
    void tokenInTheQueryString_isNotRead() {
        startIntrospection();
        String token = token("a:b");

        HttpReply reply = http.send("POST", PATH + "?token=" + token, FORM, "", "Authorization", client());

        assertEquals(400, reply.status());
    }

    @Test
    void tokenTypeHint_isIgnored() {
        startIntrospection();
        String token = token("a:b");

        HttpReply reply = post(client(), "token=" + token + "&token_type_hint=refresh_token");

        assertEquals(Boolean.TRUE, Json.object(reply.body()).get("active"));
    }

    @Test
    void aBodyThatIsNotAForm_is415() {
        startIntrospection();
        String token = token("a:b");

        HttpReply reply = http.send("POST", PATH, "application/json", "{\"token\":\"" + token + "\"}",
                "Authorization", client());

        assertEquals(415, reply.status());
        assertEquals("unsupported_media_type", Json.field(reply.body(), "error"));
    }

    @Test
    void noCredential_is401_offeringBasicAndBearer_andIsAudited() {
        startIntrospection();
        String token = token("a:b");

        List<String> lines = audited(() -> introspect(null, token), 401);
        HttpReply reply = introspect(null, token);

        assertEquals(List.of("Basic realm=\"scopekey\", charset=\"UTF-8\"", "Bearer realm=\"scopekey\""),
                reply.headerValues("WWW-Authenticate"));
        assertEquals("authentication_required", Json.field(reply.body(), "error"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("detail=NO_CREDENTIAL"), lines.get(0));
        assertTrue(lines.get(0).contains("path=" + PATH), lines.get(0));
    }

    @Test
    void wrongClientSecretOrUnknownClient_is401InvalidClient_andIsAudited() {
        startIntrospection();
        String token = token("a:b");

        for (String header : List.of(basic(CLIENT_ID, SECRET + "x"), basic("someone-else", SECRET),
                basic(CLIENT_ID, ""), "Basic not*base64", "Basic")) {
            List<String> lines = audited(() -> introspect(header, token), 401);
            assertEquals(1, lines.size(), header + ": " + lines);
            assertTrue(lines.get(0).contains("detail=UNKNOWN"), lines.get(0));
        }
        HttpReply reply = introspect(basic(CLIENT_ID, SECRET + "x"), token);
        assertEquals("invalid_client", Json.field(reply.body(), "error"));
        assertTrue(reply.headerValues("WWW-Authenticate").contains("Basic realm=\"scopekey\", charset=\"UTF-8\""));
    }

    @Test
    void bearerWithAuthIntrospect_orARootToken_mayIntrospect() {
        startIntrospection();
        String token = token("a:b");

        for (String caller : List.of(token("auth:introspect"), token("*"))) {
            HttpReply reply = introspect(bearer(caller), token);
            assertEquals(200, reply.status(), reply.body());
            assertEquals(Boolean.TRUE, Json.object(reply.body()).get("active"));
        }
    }

    @Test
    void bearerWithoutAuthIntrospect_is403_andIsAuditedAsAnAuthorizationDenial() {
        startIntrospection();
        String token = token("a:b");
        String caller = token("kafka:endpoint:read");

        List<String> lines = audited(() -> introspect(bearer(caller), token), 403);

        assertEquals("insufficient_scope", Json.field(introspect(bearer(caller), token).body(), "error"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("event=authorization_denied "), lines.get(0));
        assertTrue(lines.get(0).contains("scope=auth:introspect"), lines.get(0));
    }

    @Test
    void revokedOrUnknownBearerCaller_is401InvalidToken() {
        startIntrospection();
        String token = token("a:b");
        String caller = token("auth:introspect");
        service.revoke(Caller.operator(ActorLabel.CLI), TokenFormat.displayPrefix(caller).orElseThrow());

        for (String header : List.of(bearer(caller), bearer("unknown-legacy-token"))) {
            HttpReply reply = introspect(header, token);
            assertEquals(401, reply.status());
            assertEquals("invalid_token", Json.field(reply.body(), "error"));
            assertTrue(reply.headerValues("WWW-Authenticate").contains("Bearer realm=\"scopekey\", error=\"invalid_token\""),
                    reply.headerValues("WWW-Authenticate").toString());
        }
    }

    @Test
    void twoTokensInTheBearerHeader_is400() {
        startIntrospection();
        String token = token("a:b");
        String caller = token("auth:introspect");

        HttpReply reply = introspect("Bearer " + caller + " " + caller, token);

        assertEquals(400, reply.status());
        assertEquals("invalid_request", Json.field(reply.body(), "error"));
    }

    @Test
    void storeOutage_is503_neverActiveNorInactive() {
        store = new dev.scopekey.testkit.UnavailableTokenStore();
        startIntrospection();

        HttpReply byClient = introspect(client(), "sk_anything");
        HttpReply byBearer = introspect(bearer("sk_caller"), "sk_anything");

        for (HttpReply reply : List.of(byClient, byBearer)) {
            assertEquals(503, reply.status());
            assertEquals("5", reply.header("Retry-After"));
            assertFalse(reply.body().contains("active"), reply.body());
        }
    }

    @Test
    void clientSecretEnvThatIsNotSet_acceptsNoBasicCredential_butStillBearer() {
        start(WebXml.standard().servlet("introspection", TokenIntrospectionServlet.class, PATH,
                TokenIntrospectionServlet.CLIENT_ID, CLIENT_ID,
                TokenIntrospectionServlet.CLIENT_SECRET_ENV, "SCOPEKEY_TEST_NOT_SET_ANYWHERE"));
        watch(SECRET);
        String token = token("a:b");

        HttpReply basicReply = introspect(basic(CLIENT_ID, SECRET), token);
        HttpReply bearerReply = introspect(bearer(token("auth:introspect")), token);

        assertEquals(401, basicReply.status());
        assertEquals(List.of("Bearer realm=\"scopekey\""), introspect(null, token).headerValues("WWW-Authenticate"));
        assertEquals(200, bearerReply.status());
        assertNull(System.getenv("SCOPEKEY_TEST_NOT_SET_ANYWHERE"));
        assertNotNull(SECRET);
    }

    private static String sortedScope(Map<?, ?> answer) {
        return String.join(" ", new java.util.TreeSet<>(List.of(((String) answer.get("scope")).split(" "))));
    }
}
