package dev.scopekey.cli;

import java.time.Instant;
import java.util.List;

/**
 * Writes the CLI's {@code --json} output: an object of strings, booleans, string arrays and
 * instants (ISO-8601 strings), members in the order put; null is written as {@code null}.
 * Everything outside printable ASCII is escaped, so the document is valid whatever a name or
 * subject holds and whatever the terminal's encoding. Not thread-safe; one per document.
 */
final class JsonObject {
    private final StringBuilder out = new StringBuilder(256).append('{');

    private JsonObject() {
    }

    static JsonObject object() {
        return new JsonObject();
    }

    JsonObject put(String name, String value) {
        quote(key(name), value);
        return this;
    }

    JsonObject put(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    JsonObject put(String name, Instant value) {
        return put(name, value == null ? null : value.toString());
    }

    JsonObject put(String name, List<String> values) {
        if (values == null) {
            key(name).append("null");
            return this;
        }
        StringBuilder to = key(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            quote(i == 0 ? to : to.append(','), values.get(i));
        }
        to.append(']');
        return this;
    }

    /** Closes the object and returns the document. */
    String end() {
        return out.append('}').toString();
    }

    /** A JSON array of documents written before. */
    static String array(List<String> documents) {
        return "[" + String.join(",", documents) + "]";
    }

    private StringBuilder key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name);
        return out.append(':');
    }

    private static void quote(StringBuilder to, String value) {
        if (value == null) {
            to.append("null");
            return;
        }
        to.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        to.append(String.format("\\u%04x", (int) c));
                    } else {
                        to.append(c);
                    }
                }
            }
        }
        to.append('"');
    }
}
