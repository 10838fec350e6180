package dev.scopekey.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the web.xml an HTTP test deploys: the filter with its init-params, the admin servlet, an echo resource. */
final class WebXml {
    /** The demo's rules, as the tests use them. */
    static final String RULES = String.join("\n",
            "# kafka endpoint",
            "GET    /api/kafka/endpoint   kafka:endpoint:read",
            "POST   /api/kafka/endpoint   kafka:endpoint:write",
            "DELETE /api/kafka/endpoint   kafka:endpoint:write",
            "",
            "*      /workspaces/{id}/**   workspaces:{id}:write");
    static final String ADMIN_PATH = "/api/auth/tokens";
    private static final String ASYNC_SUPPORTED = "<async-supported>true</async-supported>\n";

    private final Map<String, String> filterParams = new LinkedHashMap<>();
    private final Map<String, String> adminParams = new LinkedHashMap<>();
    private final List<String> servlets = new ArrayList<>();
    private final List<String> filtersBefore = new ArrayList<>();
    private boolean adminServlet = true;
    private boolean asyncReady;

    /** The default test configuration: the demo rules, a public /health, an admin servlet. */
    static WebXml standard() {
        return new WebXml().param(FilterSettings.RULES, RULES).param(FilterSettings.PUBLIC_PATHS, "/health");
    }

    WebXml param(String name, String value) {
        filterParams.put(name, value);
        return this;
    }

    WebXml adminParam(String name, String value) {
        adminParams.put(name, value);
        return this;
    }

    /** Declares another servlet, mapped at {@code urlPattern}; {@code initParams} alternate names and values. */
    WebXml servlet(String name, Class<? extends Servlet> type, String urlPattern, String... initParams) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < initParams.length; i += 2) {
            params.put(initParams[i], initParams[i + 1]);
        }
        StringBuilder xml = new StringBuilder("  <servlet>\n    <servlet-name>").append(escape(name))
                .append("</servlet-name>\n    <servlet-class>").append(type.getName()).append("</servlet-class>\n");
        params(xml, params);
        xml.append("  </servlet>\n  <servlet-mapping>\n    <servlet-name>").append(escape(name))
                .append("</servlet-name>\n    <url-pattern>").append(escape(urlPattern))
                .append("</url-pattern>\n  </servlet-mapping>\n");
        servlets.add(xml.toString());
        return this;
    }

    /** Declares an application filter that runs before the scopekey filter, mapped at {@code /*}. */
    WebXml filterBefore(String name, Class<? extends Filter> type) {
        filtersBefore.add("  <filter>\n    <filter-name>" + escape(name) + "</filter-name>\n    <filter-class>"
                + type.getName() + "</filter-class>\n  </filter>\n  <filter-mapping>\n    <filter-name>"
                + escape(name) + "</filter-name>\n    <url-pattern>/*</url-pattern>\n  </filter-mapping>\n");
        return this;
    }

    /**
     * Declares {@code async-supported} on the filter and every servlet, and maps the filter for
     * {@code REQUEST} and {@code ASYNC} dispatches.
     */
    WebXml asyncReady() {
        asyncReady = true;
        return this;
    }

    WebXml withoutAdminServlet() {
        adminServlet = false;
        return this;
    }

    String render() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee ")
                .append("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\" version=\"6.0\">\n");
        filtersBefore.forEach(xml::append);
        xml.append("  <filter>\n    <filter-name>scopekey</filter-name>\n")
                .append("    <filter-class>").append(ScopeKeyFilter.class.getName()).append("</filter-class>\n")
                .append(asyncReady ? "    " + ASYNC_SUPPORTED : "");
        params(xml, filterParams);
        xml.append("  </filter>\n")
                .append("  <filter-mapping>\n    <filter-name>scopekey</filter-name>\n")
                .append("    <url-pattern>/*</url-pattern>\n")
                .append(asyncReady ? "    <dispatcher>REQUEST</dispatcher><dispatcher>ASYNC</dispatcher>\n" : "")
                .append("  </filter-mapping>\n");
        if (adminServlet) {
            xml.append("  <servlet>\n    <servlet-name>tokens</servlet-name>\n")
                    .append("    <servlet-class>").append(TokenAdminServlet.class.getName()).append("</servlet-class>\n");
            params(xml, adminParams);
            xml.append(asyncReady ? "    " + ASYNC_SUPPORTED : "").append("  </servlet>\n  <servlet-mapping>\n    <servlet-name>tokens</servlet-name>\n")
                    .append("    <url-pattern>").append(ADMIN_PATH).append("/*</url-pattern>\n  </servlet-mapping>\n");
        }
        servlets.forEach(servlet -> xml.append(asyncReady ? servlet.replace("  </servlet>\n", "    "
                + ASYNC_SUPPORTED + "  </servlet>\n") : servlet));
        xml.append("  <servlet>\n    <servlet-name>echo</servlet-name>\n")
                .append("    <servlet-class>").append(EchoServlet.class.getName()).append("</servlet-class>\n")
                .append(asyncReady ? "    " + ASYNC_SUPPORTED : "")
                .append("  </servlet>\n  <servlet-mapping>\n    <servlet-name>echo</servlet-name>\n")
                .append("    <url-pattern>/</url-pattern>\n  </servlet-mapping>\n")
                .append("</web-app>\n");
        return xml.toString();
    }

    private static void params(StringBuilder xml, Map<String, String> params) {
        params.forEach((name, value) -> xml.append("    <init-param>\n      <param-name>").append(escape(name))
                .append("</param-name>\n      <param-value>").append(escape(value))
                .append("</param-value>\n    </init-param>\n"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
