package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A supplied service takes out exactly the init-params the scopekey filter refuses beside it. */
class WebXmlRewriterTest {
    private static final String WEB_XML = String.join("\n",
            "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">",
            "  <filter>",
            "    <filter-name>scopekey</filter-name>",
            "    <filter-class> dev.scopekey.servlet.ScopeKeyFilter </filter-class>",
            "    <init-param><param-name>store</param-name><param-value>file:/var/lib/tokens</param-value></init-param>",
            "    <init-param><param-name>rules</param-name><param-value>GET /a a:read</param-value></init-param>",
            "    <init-param><param-name>admin-token-env</param-name><param-value>ADMIN</param-value></init-param>",
            "  </filter>",
            "  <filter><filter-name>other</filter-name><filter-class>my.OtherFilter</filter-class>",
            "    <init-param><param-name>store</param-name><param-value>kept</param-value></init-param>",
            "  </filter>",
            "  <servlet><servlet-name>tokens</servlet-name>",
            "    <servlet-class>dev.scopekey.servlet.TokenAdminServlet</servlet-class>",
            "    <init-param><param-name>mint-rate</param-name><param-value>2/hour</param-value></init-param>",
            "  </servlet>",
            "</web-app>");

    @Test
    void storeAdminTokenEnvAndMintRate_areTakenOut_ofScopekeyDeclarationsOnly() {
        String rewritten = WebXmlRewriter.withoutServiceParams(WEB_XML);

        assertFalse(rewritten.contains("file:/var/lib/tokens"), rewritten);
        assertFalse(rewritten.contains("admin-token-env"), rewritten);
        assertFalse(rewritten.contains("mint-rate"), rewritten);
        assertTrue(rewritten.contains("<param-value>GET /a a:read</param-value>"), rewritten);
        assertTrue(rewritten.contains("<param-value>kept</param-value>"), rewritten);
        assertTrue(rewritten.contains("xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""), rewritten);
    }

    @Test
    void aWebXmlWithoutThem_keepsItsDeclarations() {
        String plain = WEB_XML.replace("store", "realm").replace("admin-token-env", "mode").replace("mint-rate", "x");

        String rewritten = WebXmlRewriter.withoutServiceParams(plain);

        assertEquals(plain.split("<init-param>").length, rewritten.split("<init-param>").length);
    }

    @Test
    void brokenXml_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebXmlRewriter.withoutServiceParams("<web-app>"));
    }
}
