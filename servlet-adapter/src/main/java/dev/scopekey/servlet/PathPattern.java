package dev.scopekey.servlet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A path pattern of the route rules and public paths: segments separated by {@code /}, where a
 * segment is literal text, {@code *} (exactly one segment), {@code {name}} (exactly one segment,
 * bound to {@code name}) or, as the last segment only, {@code **} (zero or more segments, so
 * {@code /a/**} also matches {@code /a}). Empty segments are ignored, in patterns and in
 * request paths alike, so {@code /a/} and {@code //a} are {@code /a}. Immutable.
 */
final class PathPattern {
    /** Kinds of pattern segment. */
    enum Kind { LITERAL, ONE, REST }

    /** One segment of a pattern: its kind, and its text (literal) or variable name (or null). */
    record Segment(Kind kind, String text) {
    }

    private final String source;
    private final List<Segment> segments;
    private final List<String> variables;

    private PathPattern(String source, List<Segment> segments, List<String> variables) {
        this.source = source;
        this.segments = segments;
        this.variables = variables;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming the problem if the pattern is not one
     */
    static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> parts = split(pattern);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.equals("**")) {
                if (i != parts.size() - 1) {
                    throw new IllegalArgumentException("'**' may only be the last segment: " + pattern);
                }
                segments.add(new Segment(Kind.REST, null));
            } else if (part.equals("*")) {
                segments.add(new Segment(Kind.ONE, null));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,31}") || !seen.add(name)) {
                    throw new IllegalArgumentException("a path variable is {name} with a unique name of letters, "
                            + "digits and '_': " + pattern);
                }
                segments.add(new Segment(Kind.ONE, name));
                variables.add(name);
            } else if (part.indexOf('*') >= 0 || part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
                throw new IllegalArgumentException("'*', '**' and {name} stand for whole segments only: " + pattern);
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return new PathPattern(pattern, Collections.unmodifiableList(segments), List.copyOf(variables));
    }

    /** The non-empty segments of a path, in order. */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int length = path.length();
        while (start <= length) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (end > start) {
                parts.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return parts;
    }

    /**
     * The values {@code path}, which this pattern matches, gives the variables, in the order of
     * {@link #variables()}: one walk over the path, a string made only for each variable.
     */
    List<String> values(String path) {
        String[] values = new String[variables.size()];
        int variable = 0;
        int at = 0;
        int length = path.length();
        for (Segment segment : segments) {
            if (segment.kind() == Kind.REST || variable == values.length) {
                break;
            }
            while (at < length && path.charAt(at) == '/') {
                at++;
            }
            int end = path.indexOf('/', at);
            if (end < 0) {
                end = length;
            }
            if (segment.kind() == Kind.ONE && segment.text() != null) {
                values[variable++] = path.substring(at, end);
            }
            at = end;
        }
        return Arrays.asList(values);
    }

    List<Segment> segments() {
        return segments;
    }

    /** The variable names, in the order they appear. */
    List<String> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return source;
    }
}
