package dev.scopekey.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response without a container, for unit tests: records its status, headers (the lines of a
 * header added more than once joined by a newline) and body.
 */
final class RecordedResponse {
    int status;
    int resets;
    boolean committed;
    final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    String body() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The response to hand to the code under test; any call it does not record throws. */
    HttpServletResponse proxy() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "addHeader" -> {
                        headers.merge((String) args[0], (String) args[1], (first, next) -> first + "\n" + next);
                        yield null;
                    }
                    case "setContentType" -> {
                        headers.put("Content-Type", (String) args[0]);
                        yield null;
                    }
                    case "isCommitted" -> committed;
                    case "reset" -> {
                        status = 0;
                        headers.clear();
                        out.reset();
                        resets++;
                        yield null;
                    }
                    case "getOutputStream" -> stream;
                    case "toString" -> "test response";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
