package dev.scopekey.servlet;

import dev.scopekey.domain.InvalidScopeException;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeTemplate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code rules} init-param: lines of {@code METHOD PATH-PATTERN SCOPE}, where the method is
 * an HTTP method or {@code *} and the scope may use the pattern's {@code {var}}s. Of the rules
 * that match a request, the first one written wins; a {@code GET} rule also covers
 * {@code HEAD}. A request no rule matches gets the {@code unmatched} policy. Rules sit in a
 * {@link PathTrie}, so matching does not scan every rule; a rule's scope is parsed once, here, and
 * a lookup for a rule without {@code {var}}s allocates nothing. Immutable and thread-safe.
 */
final class RouteRules {
    private static final String ANY_METHOD = "*";

    private final PathTrie<Rule> trie;
    private final RequiredAccess unmatched;
    private final int size;

    /**
     * One rule; {@code access} is the rule's access when its scope has no {@code {var}}, built at
     * init, or null when each request binds its own.
     */
    private record Rule(String method, PathPattern pattern, ScopeTemplate scope, RequiredAccess access) {
        static Rule of(String method, PathPattern pattern, ScopeTemplate scope) {
            RequiredAccess fixed = scope.hasVariables() ? null
                    : RequiredAccess.scope(scope.bind(List.of()).orElseThrow());
            return new Rule(method, pattern, scope, fixed);
        }

        boolean appliesTo(String requestMethod) {
            return method.equals(ANY_METHOD) || method.equals(requestMethod)
                    || (method.equals("GET") && requestMethod.equals("HEAD"));
        }

        /** What a request to {@code path}, which this rule matches, needs; a value that is no segment denies. */
        RequiredAccess accessAt(String path) {
            if (access != null) {
                return access;
            }
            Optional<Scope> bound = scope.bind(pattern.values(path));
            return bound.isPresent() ? RequiredAccess.scope(bound.get()) : RequiredAccess.DENY;
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
                trie.add(pattern, Rule.of(fields[0], pattern, ScopeTemplate.parse(fields[2], pattern.variables())));
            } catch (IllegalArgumentException | InvalidScopeException e) {
                throw new IllegalArgumentException("rules line " + (i + 1) + ": " + e.getMessage(), e);
            }
            size++;
        }
        return new RouteRules(trie, unmatched, size);
    }

    /**
     * What a request with this method and path (within the application) needs.
     *
     * @param method the request method, as sent
     * @param path the decoded path within the application
     * @return the matching rule's access, or the {@code unmatched} policy
     */
    RequiredAccess accessFor(String method, String path) {
        Rule rule = trie.first(path, Rule::appliesTo, method);
        return rule == null ? unmatched : rule.accessAt(path);
    }

    int size() {
        return size;
    }
}
