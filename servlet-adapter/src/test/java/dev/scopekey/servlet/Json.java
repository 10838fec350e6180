package dev.scopekey.servlet;

import java.util.List;
import java.util.Map;

/** Reads answers in tests, with the adapter's own strict reader. */
final class Json {
    private Json() {
    }

    static Map<?, ?> object(String body) {
        try {
            return (Map<?, ?>) JsonReader.read(body);
        } catch (BadRequestException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    static List<?> array(String body) {
        try {
            return (List<?>) JsonReader.read(body);
        } catch (BadRequestException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    static String field(String body, String name) {
        Object value = object(body).get(name);
        return value == null ? null : value.toString();
    }
}
