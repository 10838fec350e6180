package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.testkit.HttpReply;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 5: the filter lets any valid token through to the {@link TokenAdminServlet}
 * (whose service serves root only), but only when the container dispatches the request to that
 * servlet. An application servlet mapped inside the admin servlet's URL space is guarded by the
 * rules and {@code unmatched} like any other route.
 */
class AdminExemptionIsDecidedByTheServletTest extends HttpTestSupport {
    private static final String EXPORT = WebXml.ADMIN_PATH + "/export";

    private static WebXml withExport(String rules) {
        return WebXml.standard().param(FilterSettings.RULES, rules).param(FilterSettings.UNMATCHED, "deny")
                .servlet("export", EchoServlet.class, EXPORT);
    }

    @Test
    void applicationServletInsideTheAdminMapping_isRefusedByUnmatchedDeny() {
        start(withExport(WebXml.RULES));
        String read = token("kafka:endpoint:read");

        HttpReply reply = http.get(EXPORT, read);
        assertEquals(403, reply.status());
        assertEquals("insufficient_scope", Json.field(reply.body(), "error"));
        assertEquals(401, http.get(EXPORT, null).status());
    }

    @Test
    void applicationServletInsideTheAdminMapping_needsTheScopeItsRuleNames() {
        start(withExport("GET " + EXPORT + " reports:export"));
        String export = token("reports:export");
        String read = token("kafka:endpoint:read");

        HttpReply allowed = http.get(EXPORT, export);
        assertEquals(200, allowed.status());
        assertEquals(EXPORT, Json.field(allowed.body(), "path"), "the application servlet answered");
        assertEquals(403, http.get(EXPORT, read).status());
    }

    @Test
    void theAdminApi_stillPassesTheFilterForAnyValidToken_andServesRootOnly() {
        start(withExport(WebXml.RULES));
        String read = token("kafka:endpoint:read");
        String root = token("*");

        HttpReply notRoot = http.get(WebXml.ADMIN_PATH + "/", read);
        assertEquals(403, notRoot.status());
        assertEquals("forbidden", Json.field(notRoot.body(), "error"), "the admin servlet, not the filter, refused");
        assertEquals(200, http.get(WebXml.ADMIN_PATH + "/", root).status());
        assertEquals(201, mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]}").status());
        assertEquals(401, http.get(WebXml.ADMIN_PATH + "/", null).status());
    }

    @Test
    void aPublicPathOverTheAdminMapping_opensTheApplicationServlet_butNeverTheAdminApi() {
        start(withExport(WebXml.RULES).param(FilterSettings.PUBLIC_PATHS, "/api/**"));

        assertEquals(200, http.get(EXPORT, null).status());
        assertEquals(401, http.get(WebXml.ADMIN_PATH + "/", null).status());
    }
}
