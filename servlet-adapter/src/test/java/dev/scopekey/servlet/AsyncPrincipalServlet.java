package dev.scopekey.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An asynchronous resource for the HTTP tests: starts async with {@code startAsync()} and, on
 * another thread, answers 200 with the principal its async context's request carries, or, with
 * the init-param {@code dispatch-to}, dispatches there. Counts the requests that reach it.
 */
public final class AsyncPrincipalServlet extends HttpServlet {
    /** Requests that reached any instance. */
    static final AtomicInteger REACHED = new AtomicInteger();
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        REACHED.incrementAndGet();
        String dispatchTo = getInitParameter("dispatch-to");
        AsyncContext async = request.startAsync();
        if (dispatchTo != null) {
            async.start(() -> async.dispatch(dispatchTo));
            return;
        }
        async.start(() -> {
            try {
                Principal caller = ((HttpServletRequest) async.getRequest()).getUserPrincipal();
                async.getResponse().setContentType("text/plain;charset=utf-8");
                async.getResponse().getOutputStream().write(("async answer for "
                        + (caller == null ? "nobody" : caller.getName())).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }
}
