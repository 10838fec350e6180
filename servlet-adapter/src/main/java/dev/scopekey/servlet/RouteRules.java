package dev.scopekey.servlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rules} init-param: lines of {@code METHOD PATH-PATTERN SCOPE}, where the method is
 * an HTTP method or {@code *} and the scope may use the pattern's {@code {var}}s. Of the rules
 * that match a request, the first one written wins; a {@code GET} rule also covers
 * {@code HEAD}. A request no rule matches gets the {@code unmatched} policy. Rules sit in a
 * {@link PathTrie}, so matching does not scan every rule. Immutable and thread-safe.
 */
final class RouteRules {
    private static final String ANY_METHOD = "*";

    private final PathTrie<Rule> trie;
    private final RequiredAccess unmatched;
    private final int size;

    private record Rule(String method, PathPattern pattern, ScopeTemplate scope) {
        boolean appliesTo(String requestMethod) {
            return method.equals(ANY_METHOD) || method.equals(requestMethod)
                    || (method.equals("GET") && requestMethod.equals("HEAD"));
        }
    }

    private RouteRules(PathTrie<Rule> trie, RequiredAccess unmatched, int size) {
        this.trie = trie;
        this.unmatched = unmatched;
        this.size = size;
    }

    /**
     * Parses rules: lines trimmed, blank lines and {@code #} comments ignored, fields separated
     * by runs of whitespace.
     *
     * @param text the rules, or null for none
     * @param unmatched what a request no rule matches needs ({@link RequiredAccess#AUTHENTICATED}
     *     or {@link RequiredAccess#DENY})
     * @throws IllegalArgumentException naming the line number and the problem
     */
    static RouteRules parse(String text, RequiredAccess unmatched) {
        PathTrie<Rule> trie = new PathTrie<>();
        int size = 0;
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException("rules line " + (i + 1)
                        + ": expected METHOD PATH-PATTERN SCOPE, found " + fields.length + " fields");
            }
            if (!fields[0].equals(ANY_METHOD) && !fields[0].matches("[A-Z]{1,20}")) {
                throw new IllegalArgumentException("rules line " + (i + 1)
                        + ": the method is an upper-case HTTP method or *");
            }
            try {
                PathPattern pattern = PathPattern.parse(fields[1]);
                trie.add(pattern, new Rule(fields[0], pattern, ScopeTemplate.parse(fields[2], pattern.variables())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules line " + (i + 1) + ": " + e.getMessage(), e);
            }
            size++;
        }
        return new RouteRules(trie, unmatched, size);
    }

    /** What a request with this method and path (within the application) needs. */
    RequiredAccess accessFor(String method, String path) {
        List<String> segments = PathPattern.split(path);
        PathTrie.Match<Rule> first = null;
        for (PathTrie.Match<Rule> match : trie.matches(segments)) {
            if (match.value().appliesTo(method) && (first == null || match.order() < first.order())) {
                first = match;
            }
        }
        if (first == null) {
            return unmatched;
        }
        Rule rule = first.value();
        String scope = rule.scope().bind(bindings(rule.pattern(), segments));
        return scope == null ? RequiredAccess.DENY : RequiredAccess.scope(scope);
    }

    int size() {
        return size;
    }

    private static Map<String, String> bindings(PathPattern pattern, List<String> segments) {
        if (pattern.variables().isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        List<PathPattern.Segment> parts = pattern.segments();
        for (int i = 0; i < parts.size(); i++) {
            PathPattern.Segment part = parts.get(i);
            if (part.kind() == PathPattern.Kind.ONE && part.text() != null) {
                values.put(part.text(), segments.get(i));
            }
        }
        return values;
    }
}
