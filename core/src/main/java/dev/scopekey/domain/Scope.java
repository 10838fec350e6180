package dev.scopekey.domain;

import java.util.Optional;

/**
 * One scope: segments joined by {@code :} (each {@code [a-z0-9][a-z0-9_.-]*}), the root
 * wildcard {@code *}, or a subtree wildcard ending in {@code :*}. At most 200 characters.
 *
 * <p>A granted scope {@linkplain #grants grants} a required one; a required scope is always
 * concrete, so asking whether anything grants a wildcard fails closed. Immutable and
 * thread-safe.
 */
public final class Scope implements Comparable<Scope> {
    /** Longest scope accepted, in characters. */
    public static final int MAX_LENGTH = 200;
    /** The reserved token-administration namespace; never mintable. */
    public static final String ADMIN_NAMESPACE = "auth:tokens";

    private static final String ROOT_TEXT = "*";
    /** The root wildcard: grants every concrete scope. */
    public static final Scope ROOT = new Scope(ROOT_TEXT);

    private final String value;

    private Scope(String value) {
        this.value = value;
    }

    /**
     * Parses a scope.
     *
     * @param text the scope as written
     * @return the scope
     * @throws InvalidScopeException if {@code text} is null or breaks the grammar
     */
    public static Scope of(String text) {
        String problem = problemWith(text);
        if (problem != null) {
            throw new InvalidScopeException(problem);
        }
        return ROOT_TEXT.equals(text) ? ROOT : new Scope(text);
    }

    /**
     * Parses a scope, or returns empty when the text breaks the grammar.
     *
     * @param text the scope as written, possibly null
     * @return the scope, or empty when the text is not one
     */
    public static Optional<Scope> parse(String text) {
        if (problemWith(text) != null) {
            return Optional.empty();
        }
        return Optional.of(ROOT_TEXT.equals(text) ? ROOT : new Scope(text));
    }

    /**
     * A scope whose text the caller has already proved valid and concrete (a {@link ScopeTemplate}
     * bound to valid segments); no public path reaches this.
     */
    static Scope ofValidated(String text) {
        return new Scope(text);
    }

    /**
     * Whether {@code text} is a valid single segment, for binding path variables into scopes.
     *
     * @param text one segment
     * @return whether it may stand between colons in a scope
     */
    public static boolean isValidSegment(String text) {
        return text != null && !text.isEmpty() && segmentProblem(text, 0, text.length()) == null;
    }

    static String problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return "scope is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "scope is longer than " + MAX_LENGTH + " characters";
        }
        if (ROOT_TEXT.equals(text)) {
            return null;
        }
        int start = 0;
        int length = text.length();
        while (true) {
            int end = text.indexOf(':', start);
            boolean last = end < 0;
            int segmentEnd = last ? length : end;
            if (last && segmentEnd - start == 1 && text.charAt(start) == '*') {
                return null;
            }
            String problem = segmentProblem(text, start, segmentEnd);
            if (problem != null) {
                return problem;
            }
            if (last) {
                return null;
            }
            start = end + 1;
        }
    }

    private static String segmentProblem(String text, int from, int to) {
        if (from == to) {
            return "scope has an empty segment";
        }
        char first = text.charAt(from);
        if (!isLowerAlnum(first)) {
            return "scope segment must start with a-z or 0-9";
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!isLowerAlnum(c) && c != '_' && c != '.' && c != '-') {
                return "scope may contain only a-z, 0-9, '_', '.', '-', ':' and a trailing '*'";
            }
        }
        return null;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * The root wildcard {@code *}.
     *
     * @return whether this is the root scope
     */
    public boolean isRoot() {
        return this == ROOT;
    }

    /**
     * {@code *} or a scope ending in {@code :*}: something that can only be granted, never required.
     *
     * @return whether this scope ends in a wildcard
     */
    public boolean isWildcard() {
        return value.endsWith(ROOT_TEXT);
    }

    /**
     * Whether holding this scope grants {@code required}. A null or wildcard required scope is
     * never granted, not even by the root wildcard. {@code a:*} grants exactly the scopes
     * strictly below {@code a}; a concrete scope grants only itself.
     *
     * @param required the scope a route needs
     * @return whether this scope grants it
     */
    public boolean grants(Scope required) {
        if (required == null || required.isWildcard()) {
            return false;
        }
        if (isRoot()) {
            return true;
        }
        if (isWildcard()) {
            String stem = value.substring(0, value.length() - 1);
            return required.value.startsWith(stem);
        }
        return value.equals(required.value);
    }

    /**
     * Whether this scope touches the reserved token-administration namespace: the namespace
     * itself, anything below it, or a wildcard whose subtree contains it (such as {@code auth:*}).
     *
     * @return whether this scope is in the reserved admin namespace
     */
    public boolean touchesAdminNamespace() {
        if (value.equals(ADMIN_NAMESPACE) || value.startsWith(ADMIN_NAMESPACE + ":")) {
            return true;
        }
        return isWildcard() && !isRoot() && ADMIN_NAMESPACE.startsWith(value.substring(0, value.length() - 1));
    }

    /**
     * The scope as written.
     *
     * @return the scope as text
     */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Scope other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope && ((Scope) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
