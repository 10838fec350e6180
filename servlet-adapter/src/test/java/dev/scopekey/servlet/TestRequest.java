package dev.scopekey.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request without a container, for unit tests: a method and path, a body handed out a few
 * bytes at a time as from a socket, parameters of the query string and form body (the query's
 * first, as the servlet API merges them), attributes, headers and a principal. A call it does
 * not answer throws.
 */
final class TestRequest implements InvocationHandler {
    static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, Object> answers = new HashMap<>();
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, List<String>> headers = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private byte[] body = new byte[0];

    private TestRequest(String method, String pathInfo) {
        answers.put("getMethod", method);
        answers.put("getPathInfo", pathInfo);
        answers.put("getRequestURI", "/admin/tokens" + (pathInfo == null ? "" : pathInfo));
        answers.put("getContentType", null);
        answers.put("getContentLengthLong", -1L);
        answers.put("getQueryString", null);
        answers.put("getRemoteAddr", "192.0.2.1");
        answers.put("getUserPrincipal", null);
        answers.put("getServletPath", "/admin/tokens");
    }

    static TestRequest of(String method, String pathInfo) {
        return new TestRequest(method, pathInfo);
    }

    /** A body of this type; {@code length} is the declared Content-Length, -1 for none. */
    TestRequest body(String contentType, long length, byte[] bytes) {
        answers.put("getContentType", contentType);
        answers.put("getContentLengthLong", length);
        body = bytes.clone();
        return this;
    }

    /** A JSON body of its own length. */
    TestRequest json(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return body("application/json", bytes.length, bytes);
    }

    /** The parameters of a query string, before those of any form body. */
    TestRequest query(String query) {
        answers.put("getQueryString", query);
        FormParameters.decode(query, StandardCharsets.UTF_8)
                .forEach((name, values) -> parameters.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        return this;
    }

    /** A form body of this Content-Type holding these name/value pairs (unencoded). */
    TestRequest form(String contentType, String... pairs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
            text.append(text.length() == 0 ? "" : "&").append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return body(contentType, bytes.length, bytes);
    }

    TestRequest principal(Principal principal) {
        answers.put("getUserPrincipal", principal);
        return this;
    }

    TestRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    /** Adds a header line; a name given twice is a header sent twice. */
    TestRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key -> new ArrayList<>()).add(value);
        return this;
    }

    /** What a method without arguments answers, such as {@code isAsyncStarted}. */
    TestRequest answer(String method, Object value) {
        answers.put(method, value);
        return this;
    }

    /** Makes {@code method} throw, as a container does for what it cannot parse. */
    TestRequest failing(String method, RuntimeException thrown) {
        failures.put(method, thrown);
        return this;
    }

    HttpServletRequest proxy() {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        if (failures.containsKey(name)) {
            throw failures.get(name);
        }
        return switch (name) {
            case "getInputStream" -> new TrickleStream(body);
            case "getParameterMap" -> parameterMap();
            case "getParameterValues" -> parameters.containsKey((String) args[0])
                    ? parameters.get((String) args[0]).toArray(String[]::new) : null;
            case "getParameter" -> parameters.containsKey((String) args[0]) ? parameters.get((String) args[0]).get(0)
                    : null;
            case "getAttribute" -> attributes.get((String) args[0]);
            case "getHeader" -> headerValues((String) args[0]).isEmpty() ? null : headerValues((String) args[0]).get(0);
            case "getHeaders" -> java.util.Collections.enumeration(headerValues((String) args[0]));
            case "toString" -> "test request";
            default -> {
                if (!answers.containsKey(name)) {
                    throw new UnsupportedOperationException(name);
                }
                yield answers.get(name);
            }
        };
    }

    private List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    private Map<String, String[]> parameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((key, values) -> map.put(key, values.toArray(String[]::new)));
        return map;
    }

    /** A body that arrives in pieces of at most 1,000 bytes, as it may from a socket. */
    private static final class TrickleStream extends ServletInputStream {
        private final byte[] body;
        private int at;

        TrickleStream(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() {
            return at < body.length ? body[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at >= body.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1000), body.length - at);
            System.arraycopy(body, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return at >= body.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
