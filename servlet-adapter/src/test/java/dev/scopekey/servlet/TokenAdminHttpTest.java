package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token admin API over real HTTP, deployed from web.xml behind the filter. */
class TokenAdminHttpTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";
    private static final String READ_ONLY = "{\"scopes\":[\"kafka:endpoint:read\"],\"name\":\"reader\"}";

    @Test
    void root_mints_andTheAnswerCarriesTheTokenWithItsRecord() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"name\":\"reader\",\"subject\":\"u1\","
                + "\"expiresIn\":\"30d\"}");

        assertEquals(201, reply.status());
        assertEquals("no-store", reply.header("Cache-Control"));
        Map<?, ?> body = Json.object(reply.body());
        String minted = (String) body.get("token");
        assertTrue(minted.startsWith((String) body.get("prefix")));
        assertEquals(List.of("kafka:endpoint:read"), body.get("scopes"));
        assertEquals("reader", body.get("name"));
        assertEquals("u1", body.get("subject"));
        assertEquals("2026-01-31T00:00:00Z", body.get("expiresAt"));
        assertEquals(200, http.get("/api/kafka/endpoint", minted).status());
    }

    @Test
    void formBody_mints_withRepeatedScope() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = http.send("POST", TOKENS, "application/x-www-form-urlencoded",
                "scope=kafka:endpoint:read&scope=kafka:endpoint:write&name=both", "Authorization", "Bearer " + root);

        assertEquals(201, reply.status());
        issued(reply);
        assertEquals(List.of("kafka:endpoint:read", "kafka:endpoint:write"), Json.object(reply.body()).get("scopes"));
    }

    @Test
    void scopedToken_cannotMint() throws Exception {
        start(WebXml.standard());
        String scoped = token("kafka:endpoint:read");

        HttpReply reply = mint(scoped, READ_ONLY);
        assertEquals(403, reply.status());
        assertEquals("forbidden", Json.field(reply.body(), "error"));
    }

    @Test
    void mintRules_refuseRootAdminEmptyAndLongNames() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        assertEquals(400, mint(root, "{\"scopes\":[\"*\"]}").status());
        assertEquals(400, mint(root, "{\"scopes\":[\"auth:tokens:*\"]}").status());
        assertEquals(400, mint(root, "{\"scopes\":[\"auth:tokens\"]}").status());
        assertEquals(400, mint(root, "{\"scopes\":[]}").status());
        assertEquals(400, mint(root, "{\"scopes\":[\"a\"],\"name\":\"" + "n".repeat(101) + "\"}").status());
        assertEquals(201, mint(root, "{\"scopes\":[\"a\"],\"name\":\"" + "n".repeat(100) + "\"}").status());
    }

    @Test
    void malformedOrUnknownBodies_are400_andOtherMediaTypes415() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        for (String body : new String[] {"{", "{\"scopes\":[\"a\"],}", "[\"a\"]", "{\"scopes\":\"a\"}",
                "{\"scopes\":[\"a\"],\"scopes\":[\"b\"]}", "{\"scopes\":[\"a\"],\"admin\":true}",
                "{\"scopes\":[\"a\"]} x", "{\"scopes\":[1]}", "{\"scopes\":[\"a\"],\"expiresIn\":\"soon\"}"}) {
            HttpReply reply = mint(root, body);
            assertEquals(400, reply.status(), body);
            assertEquals("invalid_request", Json.field(reply.body(), "error"), body);
        }
        assertEquals(415, http.send("POST", TOKENS, "text/plain", "scopes=a", "Authorization", "Bearer " + root)
                .status());
    }

    @Test
    void oversizedBody_is413() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = mint(root, "{\"name\":\"" + "x".repeat(AdminRequests.MAX_BODY_BYTES) + "\"}");
        assertEquals(413, reply.status());
        assertEquals("request_too_large", Json.field(reply.body(), "error"));
    }

    @Test
    void mintedToken_isShownOnce_andListNeverCarriesIt() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        HttpReply minted = mint(root, READ_ONLY);
        String token = Json.field(minted.body(), "token");

        HttpReply list = http.get(TOKENS, root);

        assertEquals(200, list.status());
        assertFalse(list.body().contains(token), "the raw list body holds the token");
        assertFalse(list.body().contains(token.substring(15)), "the raw list body holds the secret part");
        assertTrue(list.body().contains(Json.field(minted.body(), "prefix")));
        Map<?, ?> first = (Map<?, ?>) Json.array(list.body()).get(0);
        assertEquals(java.util.Set.of("prefix", "scopes", "name", "subject", "source", "createdAt", "createdBy",
                "expiresAt", "lastUsedAt", "allowedAddresses", "rateLimit", "disabled"), first.keySet());
    }

    @Test
    void list_filtersBySubject_andPagesWithAfter() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, mint(root, "{\"scopes\":[\"a\"],\"subject\":\"alice\"}").status());
        }
        assertEquals(201, mint(root, "{\"scopes\":[\"a\"],\"subject\":\"bob\"}").status());

        assertEquals(3, Json.array(http.get(TOKENS + "?subject=alice", root).body()).size());
        HttpReply page = http.get(TOKENS + "?subject=alice&limit=2", root);
        assertEquals(2, Json.array(page.body()).size());
        String last = (String) ((Map<?, ?>) Json.array(page.body()).get(1)).get("prefix");
        assertTrue(page.header("Link").contains("after=" + last), page.header("Link"));
        assertEquals(1, Json.array(http.get(TOKENS + "?subject=alice&limit=2&after=" + last, root).body()).size());
        assertEquals(400, http.get(TOKENS + "?limit=0", root).status());
    }

    @Test
    void revoke_is204_thenTheTokenIs401_andASecondRevokeIs404() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        HttpReply minted = mint(root, READ_ONLY);
        String prefix = Json.field(minted.body(), "prefix");

        HttpReply revoked = http.call("DELETE", TOKENS + prefix, root);
        assertEquals(204, revoked.status());
        assertEquals(401, http.get("/api/kafka/endpoint", Json.field(minted.body(), "token")).status());
        assertEquals(404, http.call("DELETE", TOKENS + prefix, root).status());
    }

    @Test
    void revokingYourOwnToken_is400() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = http.call("DELETE", TOKENS + root.substring(0, 15), root);
        assertEquals(400, reply.status());
        assertEquals(200, http.get("/api/kafka/endpoint", root).status());
    }

    @Test
    void revokingAnAmbiguousLegacyPrefix_is409_andRevokesNothing() throws Exception {
        String first = "legacy01-first-token";
        String second = "legacy01-second-token";
        store = InMemoryTokenStore.withRecords(List.of(TokenRecord.legacy(PlainToken.of(first)),
                TokenRecord.legacy(PlainToken.of(second))));
        start(WebXml.standard());
        watch(first);
        watch(second);
        String root = token("*");

        assertEquals(409, http.call("DELETE", TOKENS + "legacy01", root).status());
        assertEquals(200, http.get("/api/kafka/endpoint", first).status());
        assertEquals(200, http.get("/api/kafka/endpoint", second).status());
    }

    @Test
    void revokeBySubject_revokesEveryTokenOfThatSubject() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        HttpReply a = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"alice\"}");
        mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"alice\"}");
        HttpReply b = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"bob\"}");

        HttpReply reply = http.call("DELETE", TOKENS + "?subject=alice", root);

        assertEquals(200, reply.status());
        assertEquals("2", Json.field(reply.body(), "revoked"));
        assertEquals(401, http.get("/api/kafka/endpoint", Json.field(a.body(), "token")).status());
        assertEquals(200, http.get("/api/kafka/endpoint", Json.field(b.body(), "token")).status());
        assertEquals(400, http.call("DELETE", TOKENS, root).status());
    }

    @Test
    void rotate_mintsASuccessor_andRetiresTheOldTokenAfterTheGrace() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        HttpReply minted = mint(root, READ_ONLY);
        String old = Json.field(minted.body(), "token");

        HttpReply rotated = http.postJson(TOKENS + Json.field(minted.body(), "prefix") + "/rotate", root,
                "{\"graceSeconds\":60}");

        assertEquals(201, rotated.status());
        String successor = issued(rotated);
        assertEquals("reader", Json.field(rotated.body(), "name"));
        assertEquals(200, http.get("/api/kafka/endpoint", old).status());
        assertEquals(200, http.get("/api/kafka/endpoint", successor).status());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(401, http.get("/api/kafka/endpoint", old).status());
        assertEquals(200, http.get("/api/kafka/endpoint", successor).status());
        assertEquals(400, http.postJson(TOKENS + Json.field(rotated.body(), "prefix") + "/rotate", root,
                "{\"graceSeconds\":-1}").status());
    }

    @Test
    void rotate_withoutBody_retiresAtOnce_andAcceptsAFormGrace() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        HttpReply first = mint(root, READ_ONLY);

        HttpReply rotated = http.call("POST", TOKENS + Json.field(first.body(), "prefix") + "/rotate", root);
        assertEquals(201, rotated.status());
        issued(rotated);
        assertEquals(401, http.get("/api/kafka/endpoint", Json.field(first.body(), "token")).status());

        HttpReply again = http.send("POST", TOKENS + Json.field(rotated.body(), "prefix") + "/rotate",
                "application/x-www-form-urlencoded", "graceSeconds=30", "Authorization", "Bearer " + root);
        assertEquals(201, again.status());
        issued(again);
        assertEquals(200, http.get("/api/kafka/endpoint", Json.field(rotated.body(), "token")).status());
        assertEquals(400, http.postJson(TOKENS + Json.field(again.body(), "prefix") + "/rotate", root,
                "{\"graceSeconds\":1.5}").status());
        assertEquals(400, http.postJson(TOKENS + Json.field(again.body(), "prefix") + "/rotate", root,
                "{\"grace\":1}").status());
    }

    @Test
    void scopedToken_cannotListRevokeOrRotate() throws Exception {
        start(WebXml.standard());
        String scoped = token("kafka:endpoint:read");
        String other = token("kafka:endpoint:write");

        assertEquals(403, http.get(TOKENS, scoped).status());
        assertEquals(403, http.call("DELETE", TOKENS + other.substring(0, 15), scoped).status());
        assertEquals(403, http.call("DELETE", TOKENS + "?subject=x", scoped).status());
        assertEquals(403, http.call("POST", TOKENS + other.substring(0, 15) + "/rotate", scoped).status());
        assertEquals(403, http.send("POST", TOKENS + other.substring(0, 15) + "/rotate", "application/json",
                "{\"graceSeconds\":\"soon\"}", "Authorization", "Bearer " + scoped).status(),
                "who may rotate is decided before what the body says");
        assertEquals(200, http.call("POST", "/api/kafka/endpoint", other).status());
    }

    @Test
    void eleventhMintWithinAnHour_is429_withRetryAfter() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        for (int i = 0; i < 10; i++) {
            assertEquals(201, mint(root, READ_ONLY).status(), "mint " + (i + 1));
        }

        HttpReply limited = mint(root, READ_ONLY);

        assertEquals(429, limited.status());
        assertEquals("rate_limited", Json.field(limited.body(), "error"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 360, "Retry-After " + retryAfter);
    }

    @Test
    void refusedAndMalformedMints_countTowardsTheLimitToo() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, mint(root, "{\"scopes\":[\"*\"]}").status());
            assertEquals(400, mint(root, "{not json").status());
        }

        assertEquals(429, mint(root, READ_ONLY).status());
        assertEquals(429, mint(root, "{not json").status());
    }

    @Test
    void unknownRoutesAndMethods_get404And405_asJson() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        assertEquals(404, http.get(TOKENS + "a/b/c", root).status());
        HttpReply put = http.call("PUT", TOKENS, root);
        assertEquals(405, put.status());
        assertEquals("GET, POST, DELETE", put.header("Allow"));
        assertEquals(405, http.get(TOKENS + "sk_abc", root).status());
        assertEquals("method_not_allowed", Json.field(put.body(), "error"));
    }

    @Test
    void adminApi_withoutToken_is401() throws Exception {
        start(WebXml.standard().param(FilterSettings.PUBLIC_PATHS, "/**"));

        HttpReply reply = http.get(TOKENS, null);
        assertEquals(401, reply.status());
        assertNotNull(reply.header("WWW-Authenticate"));
        assertNull(Json.field(reply.body(), "token"));
    }
}
