package com.example.reports;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's one resource: a list of report titles. It knows nothing about tokens;
 * the scopekey filter in web.xml lets a request in only with the scope its rule names, and
 * puts the caller on the request.
 */
public final class ReportsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final List<String> titles = new CopyOnWriteArrayList<>(List.of("q1 revenue"));

    /** {@code GET /api/reports}: every title, for the caller. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, 200, "reports for " + request.getUserPrincipal().getName() + ": " + String.join(", ", titles));
    }

    /** {@code POST /api/reports} with a plain-text title: adds it. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (title.isEmpty() || title.length() > 200) {
            write(response, 400, "a title is 1 to 200 characters");
            return;
        }
        titles.add(title);
        write(response, 201, "created " + title);
    }

    private static void write(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
