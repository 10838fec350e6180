package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code enabled=false}: every route, the admin API included, answers without a token (the admin
 * API's refusal to change tokens then is pinned by {@link AuthDisabledLeavesNoPrivilegeTest}).
 */
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
    }

    @Test
    void startup_warnsThatAuthIsOff() throws Exception {
        start(WebXml.standard().param(FilterSettings.ENABLED, "false"));

        assertTrue(leaks.capturedOutput().contains("WARN dev.scopekey.servlet.ScopeKeyFilter - scopekey authentication "
                + "is DISABLED"), "no start-up warning");
    }
}
