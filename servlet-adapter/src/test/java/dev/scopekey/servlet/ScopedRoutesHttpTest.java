package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.testkit.HttpReply;
import org.junit.jupiter.api.Test;

/** Route rules from a real web.xml decide which scope each method and path needs. */
class ScopedRoutesHttpTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";

    @Test
    void readToken_canGet_butNotPostOrDelete_andTheDenialHasNoChallenge() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertEquals(200, http.get(KAFKA, read).status());
        for (String method : new String[] {"POST", "DELETE"}) {
            HttpReply denied = http.call(method, KAFKA, read);
            assertEquals(403, denied.status(), method);
            assertNull(denied.header("WWW-Authenticate"), method);
            assertEquals("insufficient_scope", Json.field(denied.body(), "error"));
        }
    }

    @Test
    void writeToken_canPost_butNotGet() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");

        assertEquals(200, http.call("POST", KAFKA, write).status());
        assertEquals(200, http.call("DELETE", KAFKA, write).status());
        assertEquals(403, http.get(KAFKA, write).status());
    }

    @Test
    void oneWorkspaceToken_reachesItsWorkspaceOnly() throws Exception {
        start(WebXml.standard());
        String w1 = token("workspaces:w1:*");

        assertEquals(200, http.get("/workspaces/w1/channels", w1).status());
        assertEquals(403, http.get("/workspaces/w2/channels", w1).status());
    }

    @Test
    void orgWideWorkspaceToken_reachesEveryWorkspace() throws Exception {
        start(WebXml.standard());
        String all = token("workspaces:*");

        assertEquals(200, http.get("/workspaces/w1/channels", all).status());
        assertEquals(200, http.get("/workspaces/w2/channels", all).status());
    }

    @Test
    void pathVariableThatIsNotAScopeSegment_isDenied_evenForRoot() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        assertEquals(403, http.get("/workspaces/W1/channels", root).status());
        assertEquals(403, http.get("/workspaces/w1:x/channels", root).status());
        assertEquals(200, http.get("/workspaces/w1/channels", root).status());
    }

    @Test
    void trailingSlash_needsTheSameScope() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        String write = token("kafka:endpoint:write");

        assertEquals(403, http.call("POST", KAFKA + "/", read).status());
        assertEquals(200, http.call("POST", KAFKA + "/", write).status());
    }

    @Test
    void headRequest_needsTheScopeOfGet() throws Exception {
        start(WebXml.standard());
        String write = token("kafka:endpoint:write");
        String read = token("kafka:endpoint:read");

        assertEquals(403, http.call("HEAD", KAFKA, write).status());
        assertEquals(200, http.call("HEAD", KAFKA, read).status());
    }

    @Test
    void unmatchedRoute_admitsAnyValidToken_byDefault() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertEquals(200, http.get("/elsewhere", read).status());
        assertEquals(401, http.get("/elsewhere", null).status());
    }

    @Test
    void unmatchedDeny_refusesRoutesNoRuleNames_butKeepsRuledOnes() throws Exception {
        start(WebXml.standard().param(FilterSettings.UNMATCHED, "deny"));
        String root = token("*");

        HttpReply denied = http.get("/elsewhere", root);
        assertEquals(403, denied.status());
        assertEquals("no rule grants access to this route", Json.field(denied.body(), "message"));
        assertEquals(200, http.get(KAFKA, root).status());
    }

    @Test
    void publicPath_isOpenWithoutAToken() throws Exception {
        start(WebXml.standard());

        assertEquals(200, http.get("/health", null).status());
        assertEquals(401, http.get("/healthz", null).status());
    }
}
