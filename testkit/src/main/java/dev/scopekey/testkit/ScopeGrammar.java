package dev.scopekey.testkit;

import java.util.regex.Pattern;

/**
 * The scope grammar of the design, written down a second time as a regular expression so the
 * arbitraries and the property tests do not take the library's own parser as the truth.
 */
final class ScopeGrammar {
    static final int MAX_LENGTH = 200;
    static final String FIRST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String REST_CHARS = FIRST_CHARS + "_.-";

    private static final String SEGMENT = "[a-z0-9][a-z0-9_.-]*";
    private static final Pattern GRANTABLE =
            Pattern.compile("\\*|" + SEGMENT + "(:" + SEGMENT + ")*(:\\*)?");
    private static final Pattern CONCRETE = Pattern.compile(SEGMENT + "(:" + SEGMENT + ")*");

    private ScopeGrammar() {
    }

    /** Whether {@code text} is a scope a token may hold: concrete, {@code a:*} or {@code *}. */
    static boolean isValid(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_LENGTH && GRANTABLE.matcher(text).matches();
    }

    /** Whether {@code text} is a valid scope without a wildcard: something that may be required. */
    static boolean isConcrete(String text) {
        return isValid(text) && CONCRETE.matcher(text).matches();
    }
}
