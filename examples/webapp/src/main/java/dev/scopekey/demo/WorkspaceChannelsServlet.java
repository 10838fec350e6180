package dev.scopekey.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A demo resource at {@code /workspaces/{id}/channels}: the rule
 * {@code * /workspaces/{id}/channels workspaces:{id}:write} binds the workspace id into the
 * scope, so {@code workspaces:w1:*} opens w1 only and {@code workspaces:*} every workspace.
 */
public final class WorkspaceChannelsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || !parts[2].equals("channels")) {
            DemoResponses.json(response, 404, "{\"error\":\"not_found\",\"message\":\"try /workspaces/{id}/channels\"}");
            return;
        }
        DemoResponses.json(response, 200, "{\"workspace\":" + DemoResponses.quote(parts[1])
                + ",\"channels\":[\"general\",\"random\"],\"method\":" + DemoResponses.quote(request.getMethod()) + "}");
    }
}
