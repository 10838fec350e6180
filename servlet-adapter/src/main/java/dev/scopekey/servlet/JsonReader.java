package dev.scopekey.servlet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for small request bodies: objects (as ordered maps, duplicate
 * names refused), arrays (lists), strings, numbers ({@link BigDecimal}), booleans and null.
 * Nothing is lenient: no comments, no trailing commas, no single quotes, no unescaped control
 * characters, no unpaired surrogates, nothing after the value, nesting at most
 * {@value #MAX_DEPTH} deep. Errors name the offset, never the content. Not thread-safe; one per
 * document.
 */
final class JsonReader {
    static final int MAX_DEPTH = 16;

    private final String text;
    private int at;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Reads one JSON value that spans all of {@code text}.
     *
     * @throws BadRequestException (400) if it is not exactly one well-formed JSON value
     */
    static Object read(String text) throws BadRequestException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw reader.error("unexpected content after the JSON value");
        }
        return value;
    }

    private Object value() throws BadRequestException {
        if (at >= text.length()) {
            throw error("a JSON value was expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a JSON value was expected");
        }
    }

    private Map<String, Object> object() throws BadRequestException {
        enter();
        at++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            at++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("a member name was expected");
            }
            String name = string();
            if (members.containsKey(name)) {
                throw error("a member name appears twice");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                depth--;
                return members;
            }
        }
    }

    private List<Object> array() throws BadRequestException {
        enter();
        at++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            at++;
            depth--;
            return items;
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                depth--;
                return items;
            }
        }
    }

    private String string() throws BadRequestException {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (Character.isSurrogate(c)) {
                at--;
                out.append(surrogatePair(false));
            } else if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) throws BadRequestException {
        if (at >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(at++);
        switch (c) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u':
                at -= 2;
                out.append(surrogatePair(true));
                break;
            default:
                throw error("unknown escape");
        }
    }

    /** One code point, raw or {@code \}u-escaped, with a surrogate pair checked whole. */
    private String surrogatePair(boolean escaped) throws BadRequestException {
        char first = escaped ? unicodeEscape() : text.charAt(at++);
        if (!Character.isSurrogate(first)) {
            return String.valueOf(first);
        }
        if (Character.isHighSurrogate(first) && at < text.length()) {
            boolean nextEscaped = text.startsWith("\\u", at);
            char second = nextEscaped ? unicodeEscape() : text.charAt(at++);
            if (Character.isLowSurrogate(second)) {
                return new String(new char[] {first, second});
            }
        }
        throw error("unpaired surrogate in a string");
    }

    private char unicodeEscape() throws BadRequestException {
        if (at + 6 > text.length() || !text.startsWith("\\u", at)) {
            throw error("bad unicode escape");
        }
        int value = 0;
        for (int i = at + 2; i < at + 6; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw error("bad unicode escape");
            }
            value = value * 16 + digit;
        }
        at += 6;
        return (char) value;
    }

    private BigDecimal number() throws BadRequestException {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else if (!digits()) {
            throw error("bad number");
        }
        if (peek('.')) {
            at++;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek('e') || peek('E')) {
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (at - start > 40) {
            throw error("number too long");
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException exponentOutOfRange) {
            throw error("number out of range");
        }
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private Object literal(String word, Object value) throws BadRequestException {
        if (!text.startsWith(word, at)) {
            throw error("a JSON value was expected");
        }
        at += word.length();
        return value;
    }

    private void enter() throws BadRequestException {
        if (++depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) throws BadRequestException {
        if (!peek(c)) {
            throw error("'" + c + "' was expected");
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private BadRequestException error(String problem) {
        return BadRequestException.invalid("malformed JSON at offset " + at + ": " + problem);
    }
}
