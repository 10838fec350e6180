package dev.scopekey.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** An asynchronous resource for the HTTP tests: answers 200 with the caller's name from another thread. */
public final class AsyncCallerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String caller = request.getUserPrincipal() == null ? "nobody" : request.getUserPrincipal().getName();
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                response.setContentType("text/plain;charset=utf-8");
                response.getOutputStream().write(("async answer for " + caller).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }
}
