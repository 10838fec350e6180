package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application resource for the HTTP tests that reads the request body the way its init-param
 * {@code read} says and answers what it got, as an application would see it:
 * {@code stream} echoes the bytes of {@code getInputStream()}, {@code reader} the characters of
 * {@code getReader()} (as UTF-8), and {@code parameters} answers a JSON object of every
 * parameter name (sorted) to its values joined by {@code |}, read with {@code getParameterMap()},
 * {@code getParameterNames()}, {@code getParameterValues()} and {@code getParameter()}, which must agree.
 */
public final class BodyReadingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String read = getInitParameter("read");
        byte[] answer;
        if ("stream".equals(read)) {
            answer = request.getInputStream().readAllBytes();
        } else if ("reader".equals(read)) {
            request.setCharacterEncoding("UTF-8");
            answer = readAll(request.getReader()).getBytes(StandardCharsets.UTF_8);
        } else if ("parameters".equals(read)) {
            request.setCharacterEncoding("UTF-8");
            answer = parameters(request).getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalStateException("init-param read is stream, reader or parameters");
        }
        response.setStatus(200);
        response.setContentType("application/octet-stream");
        response.getOutputStream().write(answer);
    }

    private static String parameters(HttpServletRequest request) {
        Map<String, String[]> map = request.getParameterMap();
        List<String> names = Collections.list(request.getParameterNames());
        if (!new java.util.HashSet<>(names).equals(map.keySet())) {
            throw new IllegalStateException("getParameterNames and getParameterMap disagree");
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String name : names) {
            String[] values = request.getParameterValues(name);
            if (!Arrays.equals(values, map.get(name)) || !values[0].equals(request.getParameter(name))) {
                throw new IllegalStateException("the parameter getters disagree on " + name);
            }
            sorted.put(name, String.join("|", values));
        }
        JsonText json = JsonText.object();
        sorted.forEach(json::put);
        return json.end();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[512];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
