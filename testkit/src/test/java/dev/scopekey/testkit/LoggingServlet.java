package dev.scopekey.testkit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application code for the leak guard's tests: logs each request at INFO through SLF4J, with
 * its {@code Authorization} header when init-param {@code log-authorization=true} (the bug the
 * guard exists to catch), without it otherwise.
 */
public final class LoggingServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger("com.example.app.Requests");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Boolean.parseBoolean(getInitParameter("log-authorization"))) {
            LOG.info("request {} with Authorization {}", request.getRequestURI(), request.getHeader("Authorization"));
        } else {
            LOG.info("request {}", request.getRequestURI());
        }
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
