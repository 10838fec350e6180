package dev.scopekey.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads parameters from an {@code application/x-www-form-urlencoded} request body only, leaving
 * out those of the query string (which the servlet API merges in front of them).
 */
final class FormParameters {
    static final String FORM = "application/x-www-form-urlencoded";

    private FormParameters() {
    }

    /** Whether the request body is a URL-encoded form. */
    static boolean isForm(HttpServletRequest request) {
        return FORM.equals(mediaType(request.getContentType()));
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

    private static int countInQuery(String query, String name) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    count++;
                }
            } catch (IllegalArgumentException undecodable) {
                // the container rejects such a query before any parameter is read
            }
        }
        return count;
    }
}
