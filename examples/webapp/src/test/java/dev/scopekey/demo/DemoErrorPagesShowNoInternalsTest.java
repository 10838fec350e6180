package dev.scopekey.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's error pages: a servlet that throws gives a 500 whose page names neither the
 * exception, its message nor a stack frame. The same deployment with Jetty's own error pages
 * shows them, so the check can tell the two apart.
 */
class DemoErrorPagesShowNoInternalsTest {
    private static final String DETAIL = "internal-detail-42";

    @TempDir
    Path base;

    /** A servlet whose failure carries a detail that must stay on the server. */
    public static final class FailingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException(DETAIL);
        }
    }

    @Test
    void aServletThatThrows_getsA500_withoutTheException_itsMessage_orAStackFrame() throws Exception {
        String page = failurePage(true);

        assertFalse(page.contains(DETAIL), page);
        assertFalse(page.contains("IllegalStateException"), page);
        assertFalse(page.contains("FailingServlet"), page);
    }

    @Test
    void jettysOwnErrorPages_wouldShowThem() throws Exception {
        String page = failurePage(false);

        assertTrue(page.contains(DETAIL) && page.contains("FailingServlet"), page);
    }

    private String failurePage(boolean asTheDemoDoes) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(base);
        webapp.setParentLoaderPriority(true);
        webapp.addServlet(new ServletHolder(new FailingServlet()), "/boom");
        if (asTheDemoDoes) {
            DemoLauncher.hideInternals(server, webapp);
        }
        server.setHandler(webapp);
        server.start();
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/boom")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, reply.statusCode());
            return reply.body();
        } finally {
            server.stop();
        }
    }
}
