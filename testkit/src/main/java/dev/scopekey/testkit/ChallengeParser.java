package dev.scopekey.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code WWW-Authenticate} field values as RFC 9110 §11.6.1 (formerly RFC 7235 §4.1)
 * defines them: a comma-separated list of challenges, each an auth-scheme followed by a token68
 * or by auth-params whose values are tokens or quoted-strings. Several field lines count as one
 * list. A parameter named twice in one challenge is an error. Stateless.
 */
final class ChallengeParser {
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String TOKEN68_SYMBOLS = "-._~+/";

    /** One challenge: its scheme as sent, a token68 or null, and its parameters by lower-case name. */
    record Challenge(String scheme, String token68, Map<String, String> params) {
    }

    private final String text;
    private int at;

    private ChallengeParser(String text) {
        this.text = text;
    }

    /**
     * Every challenge in the given field values, in order.
     *
     * @throws IllegalArgumentException naming the position where a value breaks the grammar
     */
    static List<Challenge> parse(List<String> fieldValues) {
        return new ChallengeParser(String.join(", ", fieldValues)).challenges();
    }

    private List<Challenge> challenges() {
        List<Challenge> challenges = new ArrayList<>();
        skipSeparators();
        while (at < text.length()) {
            challenges.add(challenge());
            skipSeparators();
        }
        return challenges;
    }

    private Challenge challenge() {
        String scheme = token();
        if (scheme.isEmpty()) {
            throw malformed("an auth-scheme");
        }
        int spaces = skip(" ");
        if (at == text.length() || text.charAt(at) == ',') {
            return new Challenge(scheme, null, Map.of());
        }
        if (spaces == 0) {
            throw malformed("a space after the auth-scheme");
        }
        if (!startsAuthParam()) {
            String token68 = token68();
            skip(" \t");
            if (at < text.length() && text.charAt(at) != ',') {
                throw malformed("a comma or the end after the token68");
            }
            return new Challenge(scheme, token68, Map.of());
        }
        Map<String, String> params = new LinkedHashMap<>();
        do {
            String name = token().toLowerCase(Locale.ROOT);
            skip(" \t");
            at++;
            skip(" \t");
            String value = at < text.length() && text.charAt(at) == '"' ? quotedString() : token();
            if (value.isEmpty()) {
                throw malformed("a token or quoted-string value for " + name);
            }
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("the parameter " + name + " appears twice in one " + scheme
                        + " challenge");
            }
            skip(" \t");
            if (at < text.length() && text.charAt(at) != ',') {
                throw malformed("a comma or the end after the value of " + name);
            }
            skipSeparators();
        } while (startsAuthParam());
        return new Challenge(scheme, null, Collections.unmodifiableMap(params));
    }

    /** Whether the text here is {@code token BWS "=" BWS (token / quoted-string)}; moves nothing. */
    private boolean startsAuthParam() {
        int mark = at;
        try {
            if (token().isEmpty()) {
                return false;
            }
            skip(" \t");
            if (at == text.length() || text.charAt(at) != '=') {
                return false;
            }
            at++;
            skip(" \t");
            return at < text.length() && (text.charAt(at) == '"' || isTchar(text.charAt(at)));
        } finally {
            at = mark;
        }
    }

    private String token() {
        int start = at;
        while (at < text.length() && isTchar(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private String token68() {
        int start = at;
        while (at < text.length() && (isAlphaNumeric(text.charAt(at)) || TOKEN68_SYMBOLS.indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        if (at == start) {
            throw malformed("a token68 or auth-params");
        }
        while (at < text.length() && text.charAt(at) == '=') {
            at++;
        }
        return text.substring(start, at);
    }

    private String quotedString() {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (at == text.length()) {
                    break;
                }
                c = text.charAt(at++);
            }
            value.append(c);
        }
        throw new IllegalArgumentException("a quoted-string is not closed");
    }

    /** Skips whitespace and the empty list elements RFC 9110 §5.6.1 allows. */
    private void skipSeparators() {
        skip(" \t,");
    }

    private int skip(String characters) {
        int start = at;
        while (at < text.length() && characters.indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at - start;
    }

    private IllegalArgumentException malformed(String expected) {
        return new IllegalArgumentException("expected " + expected + " at character " + at);
    }

    private static boolean isTchar(char c) {
        return isAlphaNumeric(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isAlphaNumeric(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
