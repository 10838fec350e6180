package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * However the introspection servlet is wired, it never fails open: it checks its caller itself on
 * every request, so a public path over it, auth switched off, a principal another filter planted or
 * a missing filter never lets an unauthenticated caller learn about a token. And the filter's
 * exemption follows the servlet, not the URL: the filter still guards an application servlet
 * mapped beside it, and {@code unmatched=deny} does not shut out the servlet's Basic clients.
 */
@Tag("http")
class IntrospectionWiringHttpTest extends IntrospectionHttpSupport {

    @Test
    void aPublicPathOverTheServlet_stillNeedsTheCallersCredential() {
        start(withIntrospection(WebXml.standard().param(FilterSettings.PUBLIC_PATHS, "/health, /oauth/**")));
        watch(SECRET);
        String token = token("a:b");

        assertEquals(401, introspect(null, token).status());
        assertEquals(200, introspect(client(), token).status());
    }

    @Test
    void authSwitchedOff_stillNeedsTheCallersCredential() {
        start(withIntrospection(WebXml.standard().param(FilterSettings.ENABLED, "false")));
        watch(SECRET);
        String token = token("a:b");

        assertEquals(401, introspect(null, token).status());
        assertEquals(403, introspect(bearer(token), token).status());
        assertEquals(200, introspect(client(), token).status());
    }

    @Test
    void aPrincipalPlantedByAnotherFilter_isNoCredential() {
        start(withIntrospection(WebXml.standard().filterBefore("planter", RootPrincipalPlantingFilter.class)));
        watch(SECRET);
        String token = token("a:b");

        HttpReply reply = introspect(null, token);

        assertEquals(401, reply.status());
        assertEquals("authentication_required", Json.field(reply.body(), "error"));
    }

    @Test
    void withoutTheFilterOrAService_theServletAnswers503_neverAToken() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + "  <servlet>\n    <servlet-name>introspection</servlet-name>\n"
                + "    <servlet-class>" + TokenIntrospectionServlet.class.getName() + "</servlet-class>\n"
                + "  </servlet>\n  <servlet-mapping>\n    <servlet-name>introspection</servlet-name>\n"
                + "    <url-pattern>" + PATH + "</url-pattern>\n  </servlet-mapping>\n</web-app>\n";
        http = HttpHarness.webXml(xml).start();

        assertEquals(503, introspect(null, "sk_anything").status());
        assertEquals(503, introspect(bearer("sk_anything"), "sk_anything").status());
    }

    @Test
    void unmatchedDeny_doesNotShutOutTheServletsBasicClients() {
        start(withIntrospection(WebXml.standard().param(FilterSettings.UNMATCHED, "deny")));
        watch(SECRET);
        String token = token("a:b");

        assertEquals(200, introspect(client(), token).status());
    }

    @Test
    void anApplicationServletBesideIt_isGuardedByTheFilter_asAnyRoute() {
        start(withIntrospection(WebXml.standard()).servlet("beside", EchoServlet.class, PATH + "/*"));
        watch(SECRET);

        HttpReply reply = http.send("POST", PATH + "/export", FORM, "token=x", "Authorization", client());

        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void anUnknownInitParam_keepsTheServletFromIntrospecting() {
        start(WebXml.standard().servlet("introspection", TokenIntrospectionServlet.class, PATH,
                "client-secret", "inline-secrets-are-not-read"));
        String token = token("a:b");

        HttpReply reply = introspect(bearer(token("auth:introspect")), token);

        assertTrue(reply.status() == 500 || reply.status() == 503, reply.status() + " " + reply.body());
        assertFalse(reply.body().contains("active"), reply.body());
    }
}
