package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One request, {@code GET /kafka/endpoint} with {@code Authorization: Bearer <token>}, sent
 * through a filter again and again: the same request and response objects for every competitor,
 * reset between sends (attributes cleared, response reset), and a chain that records whether the
 * request reached the application.
 */
final class FilterHarness implements FilterChain {
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kafka/endpoint");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private boolean reached;

    /** A harness presenting {@code token}. */
    FilterHarness(String token) {
        request.setServletPath("/kafka/endpoint");
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("Authorization", "Bearer " + token);
    }

    /**
     * Sends the request through {@code filter}.
     *
     * @return the response status, negated when the application was not reached
     */
    int send(Filter filter) throws IOException, ServletException {
        request.clearAttributes();
        response.setCommitted(false);
        response.reset();
        reached = false;
        filter.doFilter(request, response, this);
        return reached ? response.getStatus() : -response.getStatus();
    }

    /** The application: records that the request got through. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res) {
        reached = true;
    }

    @Override
    public String toString() {
        return "FilterHarness[GET /kafka/endpoint, token redacted]";
    }
}
