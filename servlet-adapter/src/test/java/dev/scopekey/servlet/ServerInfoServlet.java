package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A resource for the HTTP tests: answers 200 with the container's {@code ServletContext.getServerInfo()}. */
public final class ServerInfoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(getServletContext().getServerInfo().getBytes(StandardCharsets.UTF_8));
    }
}
