package dev.scopekey.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A demo resource: the Kafka endpoint a client should use. Reading it needs
 * {@code kafka:endpoint:read}, changing or removing it {@code kafka:endpoint:write} (the
 * filter's rules in web.xml say so; this servlet knows nothing about tokens).
 */
public final class KafkaEndpointServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ENDPOINT = "kafka.demo.internal:9092";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoResponses.json(response, 200, "{\"endpoint\":" + DemoResponses.quote(ENDPOINT) + ",\"caller\":"
                + DemoResponses.quote(request.getUserPrincipal().getName()) + "}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoResponses.json(response, 200, "{\"endpoint\":" + DemoResponses.quote(ENDPOINT) + ",\"updated\":true}");
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoResponses.json(response, 200, "{\"deleted\":true}");
    }
}
