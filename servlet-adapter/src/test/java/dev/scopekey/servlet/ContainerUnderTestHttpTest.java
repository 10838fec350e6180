package dev.scopekey.servlet;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.testkit.Container;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP tests run once on Jetty and once on Tomcat ({@code -Dscopekey.test.container}); this
 * test shows that a run really is on the container it names, so the matrix cannot be one
 * container twice: a servlet behind the filter answers with its container's
 * {@code getServerInfo()}, which names the chosen container and not the other.
 */
class ContainerUnderTestHttpTest extends HttpTestSupport {
    private static final Map<Container, String> NAME_IN_SERVER_INFO =
            Map.of(Container.JETTY, "jetty", Container.TOMCAT, "tomcat");

    @Test
    void theServletBehindTheFilter_runsOnTheContainerTheRunNames() {
        start(WebXml.standard().servlet("server-info", ServerInfoServlet.class, "/api/kafka/endpoint"));
        String token = token("kafka:endpoint:read");
        Container chosen = Container.configured();

        assertAuthenticationRequired(http.get("/api/kafka/endpoint", null));
        String serverInfo = assertStatus(http.get("/api/kafka/endpoint", token), 200).body();

        String named = serverInfo.toLowerCase(Locale.ROOT);
        assertTrue(named.contains(NAME_IN_SERVER_INFO.get(chosen)), () -> chosen + " run served by " + serverInfo);
        NAME_IN_SERVER_INFO.forEach((container, name) -> assertFalse(container != chosen && named.contains(name),
                () -> chosen + " run served by " + serverInfo));
        assertEquals(http.servletContext().getServerInfo(), serverInfo);
    }
}
