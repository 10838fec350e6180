package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * URL-encoded parameters: reads those of an {@code application/x-www-form-urlencoded} request
 * body only, leaving out those of the query string (which the servlet API merges in front of
 * them), and decodes URL-encoded text as the container does.
 */
final class FormParameters {
    static final String FORM = "application/x-www-form-urlencoded";

    private FormParameters() {
    }

    /**
     * Whether the request body is a URL-encoded form. A Content-Type the container cannot read
     * (it may throw for an unknown charset) counts as one, so that a check of the body fails closed.
     */
    static boolean isForm(HttpServletRequest request) {
        try {
            return FORM.equals(mediaType(request.getContentType()));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /**
     * The values of {@code name} in the form body, in order; empty if the body is not a form.
     *
     * @throws RuntimeException whatever the container throws for a body it cannot parse
     */
    static List<String> bodyValues(HttpServletRequest request, String name) {
        if (!isForm(request)) {
            return List.of();
        }
        String[] all = request.getParameterValues(name);
        if (all == null) {
            return List.of();
        }
        int inQuery = countInQuery(request.getQueryString(), name);
        return inQuery >= all.length ? List.of() : Arrays.asList(all).subList(inQuery, all.length);
    }

    /** The media type of a Content-Type value, lower case and without parameters, or null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The parameters of URL-encoded text ({@code a=1&b&a=2}: {@code a} is 1 and 2, {@code b} is
     * empty), names in order of first appearance, values in order. Pairs without a name are left out.
     *
     * @param text the encoded text, or null for none
     * @throws IllegalArgumentException if a pair holds a broken {@code %} escape
     */
    static Map<String, List<String>> decode(String text, Charset charset) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            if (!name.isEmpty()) {
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private static int countInQuery(String query, String name) {
        try {
            return decode(query, StandardCharsets.UTF_8).getOrDefault(name, List.of()).size();
        } catch (IllegalArgumentException undecodable) {
            return 0; // the container refuses such a query before any parameter is read
        }
    }
}
