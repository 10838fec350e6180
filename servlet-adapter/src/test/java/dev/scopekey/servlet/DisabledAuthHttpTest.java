package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code enabled=false}: every route, the admin API included, answers without a token. */
class DisabledAuthHttpTest extends HttpTestSupport {

    @Test
    void everyRoute_isOpenWithoutAToken() throws Exception {
        start(WebXml.standard().param(FilterSettings.ENABLED, "false").param(FilterSettings.UNMATCHED, "deny"));

        assertEquals(200, http.get("/api/kafka/endpoint", null).status());
        assertEquals(200, http.send("POST", "/api/kafka/endpoint", null, null).status());
        assertEquals(200, http.send("DELETE", "/api/kafka/endpoint", null, null).status());
        assertEquals(200, http.get("/workspaces/w1/channels", null).status());
        assertEquals(200, http.get("/not/ruled", null).status());
        assertEquals(200, http.get(WebXml.ADMIN_PATH + "/", null).status());
        Reply minted = http.send("POST", WebXml.ADMIN_PATH + "/", "application/json", "{\"scopes\":[\"a\"]}");
        assertEquals(201, minted.status());
        http.watch.minted(Json.field(minted.body(), "token"), minted);
        assertEquals(204, http.send("DELETE", WebXml.ADMIN_PATH + "/" + Json.field(minted.body(), "prefix"), null,
                null).status());
    }

    @Test
    void startup_warnsThatAuthIsOff() throws Exception {
        start(WebXml.standard().param(FilterSettings.ENABLED, "false"));

        assertTrue(http.watch.logged().contains("WARN dev.scopekey.servlet.ScopeKeyFilter - scopekey authentication "
                + "is DISABLED"), "no start-up warning");
    }
}
