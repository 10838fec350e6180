package dev.scopekey.servlet;

import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import dev.scopekey.testkit.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-token restrictions over real HTTP (the harness connects from 127.0.0.1): an address
 * allow-list, disabling, a rate limit answered 429 with {@code Retry-After}, and {@code PATCH}.
 */
class TokenRestrictionsHttpTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";

    private String minted(String root, String restrictions) {
        HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]" + restrictions + "}");
        assertEquals(201, reply.status(), reply.body());
        return Json.field(reply.body(), "token");
    }

    private HttpReply patch(String root, String prefix, String json) {
        return http.send("PATCH", TOKENS + prefix, "application/json", json, "Authorization", "Bearer " + root);
    }

    private static String prefix(String token) {
        return TokenFormat.displayPrefix(token).orElseThrow();
    }

    @Test
    void allowList_grantsFromLoopback_andRefusesTheSameTokenAsInvalid_whenTheListLeavesItOut() {
        start(WebXml.standard());
        String root = token("*");

        String loopbackV4 = minted(root, ",\"allowedAddresses\":[\"127.0.0.0/8\"]");
        String mapped = minted(root, ",\"allowedAddresses\":[\"::ffff:127.0.0.1\"]");
        String onlyV6Loopback = minted(root, ",\"allowedAddresses\":[\"::1\"]");
        String elsewhere = minted(root, ",\"allowedAddresses\":[\"10.0.0.0/8\",\"2001:db8::/32\"]");

        assertStatus(http.get(KAFKA, loopbackV4), 200);
        assertStatus(http.get(KAFKA, mapped), 200);
        assertInvalidToken(http.get(KAFKA, onlyV6Loopback));
        assertInvalidToken(http.get(KAFKA, elsewhere));
    }

    @Test
    void mint_refusesABadAllowListOrRate_with400_andMintsNothing() {
        start(WebXml.standard());
        String root = token("*");

        for (String bad : List.of(",\"allowedAddresses\":[\"intranet.local\"]", ",\"allowedAddresses\":[]",
                ",\"allowedAddresses\":[\"10.0.0.1/8\"]", ",\"allowedAddresses\":[1]",
                ",\"rateLimit\":\"lots\"", ",\"rateLimit\":\"0/minute\"")) {
            HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]" + bad + "}");
            assertEquals(400, reply.status(), bad + " " + reply.body());
            assertEquals("invalid_request", Json.field(reply.body(), "error"));
        }
        assertEquals(1, Json.array(http.get(TOKENS, root).body()).size(), "only the root token exists");
    }

    @Test
    void list_showsTheRestrictions() {
        start(WebXml.standard());
        String root = token("*");
        String token = minted(root, ",\"allowedAddresses\":[\"10.0.0.0/8\",\"::1\"],\"rateLimit\":\"100/minute\"");

        Map<?, ?> listed = Json.array(http.get(TOKENS, root).body()).stream().map(o -> (Map<?, ?>) o)
                .filter(m -> prefix(token).equals(m.get("prefix"))).findFirst().orElseThrow();
        assertEquals(List.of("10.0.0.0/8", "::1"), listed.get("allowedAddresses"));
        assertEquals("100/minute", listed.get("rateLimit"));
        assertEquals(Boolean.FALSE, listed.get("disabled"));
    }

    @Test
    void rateLimit_answers429WithRetryAfter_untilTheBucketRefills() {
        start(WebXml.standard());
        String root = token("*");
        String token = minted(root, ",\"rateLimit\":\"2/minute\"");

        assertStatus(http.get(KAFKA, token), 200);
        assertStatus(http.get(KAFKA, token), 200);
        HttpReply limited = http.get(KAFKA, token);
        assertEquals(429, limited.status());
        assertEquals("30", limited.header("Retry-After"));
        assertEquals("rate_limited", Json.field(limited.body(), "error"));

        clock.advance(Duration.ofSeconds(30));
        assertStatus(http.get(KAFKA, token), 200);
    }

    @Test
    void patch_disablesEnablesRenamesAndRestricts_withoutRotating() {
        start(WebXml.standard());
        String root = token("*");
        String token = minted(root, "");

        HttpReply disabled = patch(root, prefix(token), "{\"disabled\":true,\"name\":\"paused\"}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("paused", Json.field(disabled.body(), "name"));
        assertEquals(true, Json.object(disabled.body()).get("disabled"));
        assertInvalidToken(http.get(KAFKA, token));

        HttpReply enabled = patch(root, prefix(token), "{\"disabled\":false,\"allowedAddresses\":[\"10.0.0.0/8\"]}");
        assertEquals(200, enabled.status(), enabled.body());
        assertInvalidToken(http.get(KAFKA, token));
        assertEquals(200, patch(root, prefix(token), "{\"allowedAddresses\":[\"127.0.0.1\",\"::1\"]}").status());
        assertStatus(http.get(KAFKA, token), 200);
        HttpReply cleared = patch(root, prefix(token), "{\"allowedAddresses\":null,\"rateLimit\":null}");
        assertEquals(200, cleared.status());
        assertTrue(cleared.body().contains("\"allowedAddresses\":null"), cleared.body());
        assertStatus(http.get(KAFKA, token), 200);
    }

    @Test
    void patch_refusesUnknownFields_unknownPrefixes_nonRoot_andYourOwnToken() {
        start(WebXml.standard());
        String root = token("*");
        String reader = token("kafka:endpoint:read");
        String token = minted(root, "");

        HttpReply unknown = patch(root, prefix(token), "{\"scopes\":[\"*\"]}");
        assertEquals(400, unknown.status());
        assertEquals(400, patch(root, prefix(token), "{}").status());
        assertEquals(400, patch(root, prefix(token), "{\"disabled\":\"maybe\"}").status());
        assertEquals(400, patch(root, prefix(token), "{\"allowedAddresses\":[\"localhost\"]}").status());
        assertEquals(404, patch(root, "sk_nosuchtoken0", "{\"name\":\"x\"}").status());
        assertEquals(403, patch(reader, prefix(token), "{\"name\":\"x\"}").status());
        assertEquals(400, patch(root, prefix(root), "{\"disabled\":true}").status());
        assertStatus(http.get(KAFKA, token), 200);
    }
}
