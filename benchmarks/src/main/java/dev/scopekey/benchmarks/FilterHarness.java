package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One request, {@code GET /kafka/endpoint} with {@code Authorization: Bearer <token>}, sent
 * through a filter again and again: the same request and response objects for every competitor,
 * reset between sends (attributes cleared, response reset), and a chain that records whether the
 * request reached the application. The response's body stream takes a byte array at once, as a
 * container's does; {@code MockHttpServletResponse}'s own stream takes it byte by byte, which
 * would bill a competitor that writes an error body for the mock's loop. Likewise the request
 * enumerates a header's values over the list it holds, as Jetty and Tomcat do;
 * {@code MockHttpServletRequest.getHeaders} copies them through a stream into a new list first
 * (about 370 bytes a call), which would bill a competitor that checks for a second
 * {@code Authorization} header for the mock's copy.
 */
final class FilterHarness implements FilterChain {
    private final Request request = new Request();
    private final Response response = new Response();
    private boolean reached;

    /** A harness presenting {@code token}. */
    FilterHarness(String token) {
        request.setServletPath("/kafka/endpoint");
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("Authorization", "Bearer " + token);
        request.authorization = List.of("Bearer " + token);
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
        response.body.reset();
        reached = false;
        filter.doFilter(request, response, this);
        return reached ? response.getStatus() : -response.getStatus();
    }

    /** The application: records that the request got through. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res) {
        reached = true;
    }

    /** A mock request whose {@code getHeaders("Authorization")} enumerates the values it holds. */
    private static final class Request extends MockHttpServletRequest {
        private List<String> authorization = List.of();

        Request() {
            super("GET", "/kafka/endpoint");
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "authorization".equalsIgnoreCase(name) ? Collections.enumeration(authorization)
                    : super.getHeaders(name);
        }
    }

    /** A mock response whose body stream writes arrays whole. */
    private static final class Response extends MockHttpServletResponse {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                body.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the benchmark writes blocking");
            }
        };

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }
    }

    @Override
    public String toString() {
        return "FilterHarness[GET /kafka/endpoint, token redacted]";
    }
}
