package dev.scopekey.testkit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * A resource for the harness's own tests: answers 200 with the method, the path, its
 * {@code greeting} init-param, the request's content type and body, and how many
 * {@code Authorization} headers came — or, for {@code ?echo=authorization}, the header itself,
 * to show that the harness catches a reply that repeats a token.
 */
public final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String text;
        if ("authorization".equals(request.getParameter("echo"))) {
            text = "you sent " + request.getHeader("Authorization");
        } else {
            text = request.getMethod() + " " + request.getRequestURI() + " greeting=" + getInitParameter("greeting")
                    + " authorizations=" + Collections.list(request.getHeaders("Authorization")).size()
                    + " type=" + request.getContentType() + " body=" + body
                    + " attribute=" + getServletContext().getAttribute("test.attribute");
        }
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
