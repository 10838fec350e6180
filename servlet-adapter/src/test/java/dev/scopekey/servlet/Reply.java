package dev.scopekey.servlet;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP response as a test sees it: status, headers (names lower case), body text. */
record Reply(int status, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "Reply[" + status + " " + headers + " " + body + "]";
    }
}
