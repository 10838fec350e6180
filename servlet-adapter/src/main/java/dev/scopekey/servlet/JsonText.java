package dev.scopekey.servlet;

import java.time.Instant;
import java.util.List;

/**
 * Writes the small JSON documents the adapter answers with: objects of strings, numbers, booleans,
 * instants (ISO-8601 strings), string arrays and nested objects, in insertion order. Strings are
 * escaped so that any value is safe to embed. Not thread-safe; one per document.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder(128);
    private boolean first = true;

    private JsonText() {
        out.append('{');
    }

    /** Starts an object. */
    static JsonText object() {
        return new JsonText();
    }

    /** The canonical error body {@code {"error":…,"message":…}}. */
    static String error(String code, String message) {
        return object().put("error", code).put("message", message).end();
    }

    JsonText put(String name, String value) {
        key(name);
        quote(out, value);
        return this;
    }

    JsonText put(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    JsonText put(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    JsonText put(String name, Instant value) {
        return put(name, value == null ? null : value.toString());
    }

    /**
     * A record's restrictions: {@code allowedAddresses} (an array, or null for any address),
     * {@code rateLimit} (text, or null) and {@code disabled}.
     */
    JsonText restrictions(dev.scopekey.domain.TokenRecord record) {
        if (record.allowedAddresses() == null) {
            put("allowedAddresses", (String) null);
        } else {
            put("allowedAddresses", record.allowedAddresses().texts());
        }
        put("rateLimit", record.rateLimit() == null ? null : record.rateLimit().toString());
        return put("disabled", record.disabled());
    }

    JsonText put(String name, List<String> values) {
        key(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        out.append(']');
        return this;
    }

    /** Closes the object and returns the document. */
    String end() {
        return out.append('}').toString();
    }

    /** A JSON array of already written documents. */
    static String array(List<String> documents) {
        return "[" + String.join(",", documents) + "]";
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
    }

    static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
