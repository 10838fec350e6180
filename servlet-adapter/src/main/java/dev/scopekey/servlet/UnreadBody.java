package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * An answer that leaves the request's body unread says {@code Connection: close}: the client
 * must not reuse a connection that still carries a body nobody read. Containers differ here
 * (Jetty closes by itself, Tomcat reads and discards the rest and keeps the connection), so the
 * filter and the servlets decide it themselves, the same on every container.
 */
final class UnreadBody {
    private UnreadBody() {
    }

    /** Marks the answer {@code Connection: close} when the request declared a body (a length above 0, or chunked). */
    static void closeConnection(HttpServletRequest request, HttpServletResponse response) {
        if (declared(request) && !response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
    }

    static boolean declared(HttpServletRequest request) {
        if (request.getContentLengthLong() > 0) {
            return true;
        }
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
