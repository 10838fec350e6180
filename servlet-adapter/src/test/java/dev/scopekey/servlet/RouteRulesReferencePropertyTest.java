package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The route rules answer exactly as the naive reading of their documentation: scan every rule in
 * the order written, the first whose method applies ({@code *}, the same, or {@code GET} for
 * {@code HEAD}) and whose pattern matches the path's non-empty segments wins, {@code /a/**} also
 * matches {@code /a}, and its {@code {var}}s are bound into its scope (a value that is not a scope
 * segment, or a scope over 200 characters, denies). For random rule sets, with several variables
 * per rule, colliding literal hashes ({@code Aa}, {@code BB}) and paths with empty segments.
 */
class RouteRulesReferencePropertyTest {
    private static final List<String> LITERALS = List.of("a", "b", "w1", "W1", "x-y", "Aa", "BB");
    private static final List<String> PATH_SEGMENTS = List.of("a", "b", "w1", "W1", "x-y", "Aa", "BB", "_w", "w:1",
            "w".repeat(120), "é");
    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "*");

    /** A rule as written: its method, pattern segments (with {@code **} last if any) and scope. */
    record Rule(String method, List<String> segments, String scope) {
        String line() {
            return method + " /" + String.join("/", segments) + " " + scope;
        }
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(LITERALS)),
                Tuple.of(1, Arbitraries.just("*")),
                Tuple.of(2, Arbitraries.of("{v}", "{w}")));
        Arbitrary<List<String>> segments = Combinators.combine(segment.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as(RouteRulesReferencePropertyTest::pattern);
        Arbitrary<Rule> rule = Combinators.combine(Arbitraries.of(METHODS), segments, Arbitraries.integers().between(0, 99),
                Arbitraries.of(true, false))
                .as((method, parts, n, reversed) -> new Rule(method, parts, scope(n, parts, reversed)));
        return rule.list().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> separator = Arbitraries.of("/", "/", "/", "//");
        return Combinators.combine(Arbitraries.of(PATH_SEGMENTS).list().ofMaxSize(5), separator.list().ofSize(6),
                Arbitraries.of(true, false))
                .as((parts, separators, trailing) -> {
                    StringBuilder path = new StringBuilder();
                    for (int i = 0; i < parts.size(); i++) {
                        path.append(separators.get(i)).append(parts.get(i));
                    }
                    if (trailing || path.length() == 0) {
                        path.append('/');
                    }
                    return path.toString();
                });
    }

    @Property(tries = 3000)
    void routeRules_answerAsTheRulesReadInOrder(@ForAll("rules") List<Rule> rules, @ForAll("paths") String path,
                                               @ForAll("methods") String method) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : rules) {
            text.append(rule.line()).append('\n');
        }

        RequiredAccess actual = RouteRules.parse(text.toString(), RequiredAccess.AUTHENTICATED).accessFor(method, path);

        assertEquals(reference(rules, method, path), actual.toString());
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "HEAD", "DELETE");
    }

    private static String reference(List<Rule> rules, String method, String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        for (Rule rule : rules) {
            boolean methodApplies = rule.method().equals("*") || rule.method().equals(method)
                    || (rule.method().equals("GET") && method.equals("HEAD"));
            Map<String, String> bound = methodApplies ? match(rule.segments(), segments) : null;
            if (bound != null) {
                return bind(rule.scope(), bound);
            }
        }
        return "authenticated";
    }

    /** The variables a pattern binds on the segments, or null if it does not match them. */
    private static Map<String, String> match(List<String> pattern, List<String> segments) {
        Map<String, String> bound = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (part.equals("**")) {
                return bound;
            }
            if (i >= segments.size()) {
                return null;
            }
            if (part.startsWith("{")) {
                bound.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals("*") && !part.equals(segments.get(i))) {
                return null;
            }
        }
        return pattern.size() == segments.size() ? bound : null;
    }

    private static String bind(String template, Map<String, String> bound) {
        String scope = template;
        for (Map.Entry<String, String> variable : bound.entrySet()) {
            String placeholder = "{" + variable.getKey() + "}";
            if (scope.contains(placeholder)) {
                if (!variable.getValue().matches("[a-z0-9][a-z0-9_.-]*")) {
                    return "deny";
                }
                scope = scope.replace(placeholder, variable.getValue());
            }
        }
        return scope.length() > 200 ? "deny" : "scope " + scope;
    }

    /** Each variable at most once (a repeat becomes {@code *}), and {@code **} last when asked for. */
    private static List<String> pattern(List<String> parts, boolean rest) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : parts) {
            out.add(part.startsWith("{") && !seen.add(part) ? "*" : part);
        }
        if (rest) {
            out.add("**");
        }
        return out;
    }

    /** A scope using the pattern's variables, each once, in pattern order or reversed. */
    private static String scope(int n, List<String> parts, boolean reversed) {
        List<String> variables = new ArrayList<>();
        for (String part : parts) {
            if (part.startsWith("{")) {
                variables.add(part);
            }
        }
        if (reversed) {
            Collections.reverse(variables);
        }
        StringBuilder scope = new StringBuilder("r").append(n);
        for (String variable : variables) {
            scope.append(':').append(variable);
        }
        return scope.append(":x").toString();
    }
}
