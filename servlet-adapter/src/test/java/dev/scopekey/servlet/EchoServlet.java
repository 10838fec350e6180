package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/** A resource for the HTTP tests: answers 200 with who called and, for {@code ?role=}, whether they hold it. */
public final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        String role = request.getParameter("role");
        JsonText body = JsonText.object()
                .put("method", request.getMethod())
                .put("path", ScopeKeyFilter.pathWithinApplication(request))
                .put("user", principal == null ? null : principal.getName())
                .put("principalType", principal == null ? null : principal.getClass().getSimpleName())
                .put("authType", request.getAuthType());
        if (role != null) {
            body.put("inRole", Boolean.toString(request.isUserInRole(role)));
        }
        byte[] bytes = body.end().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.getOutputStream().write(bytes);
    }
}
