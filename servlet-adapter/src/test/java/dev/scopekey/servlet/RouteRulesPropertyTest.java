package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trie gives the same answer as reading the rules one by one, in order, with regular
 * expressions: for any rules and any path.
 */
class RouteRulesPropertyTest {
    private static final List<String> SEGMENTS = List.of("a", "b", "c", "w1", "W1", "x-y");
    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "*");

    record Rule(String method, List<String> segments, boolean rest) {
        String pattern() {
            StringBuilder out = new StringBuilder();
            for (String segment : segments) {
                out.append('/').append(segment);
            }
            return rest ? out + "/**" : out.length() == 0 ? "/" : out.toString();
        }

        String scope(int index) {
            StringBuilder scope = new StringBuilder("r").append(index);
            for (String segment : segments) {
                if (segment.startsWith("{")) {
                    scope.append(':').append(segment);
                }
            }
            return scope.toString();
        }
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of(SEGMENTS), Arbitraries.just("*"),
                Arbitraries.just("{v}"));
        Arbitrary<List<String>> segments = segment.list().ofMaxSize(4).map(RouteRulesPropertyTest::uniqueVariables);
        Arbitrary<Rule> rule = Combinators.combine(Arbitraries.of(METHODS), segments, Arbitraries.of(true, false))
                .as(Rule::new);
        return rule.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> paths() {
        return Arbitraries.of(SEGMENTS).list().ofMaxSize(5);
    }

    @Property(tries = 2000)
    void trieMatching_equalsRuleByRuleMatching(@ForAll("rules") List<Rule> rules, @ForAll("paths") List<String> path,
                                               @ForAll("requestMethods") String method) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            text.append(rules.get(i).method()).append(' ').append(rules.get(i).pattern()).append(' ')
                    .append(rules.get(i).scope(i)).append('\n');
        }
        String requestPath = "/" + String.join("/", path);

        RequiredAccess actual = RouteRules.parse(text.toString(), RequiredAccess.AUTHENTICATED)
                .accessFor(method, requestPath);

        assertEquals(reference(rules, method, path), actual.toString());
    }

    @Provide
    Arbitrary<String> requestMethods() {
        return Arbitraries.of("GET", "POST", "HEAD", "DELETE");
    }

    private static String reference(List<Rule> rules, String method, List<String> path) {
        String normalized = path.isEmpty() ? "" : "/" + String.join("/", path);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            boolean methodApplies = rule.method().equals("*") || rule.method().equals(method)
                    || (rule.method().equals("GET") && method.equals("HEAD"));
            if (!methodApplies) {
                continue;
            }
            StringBuilder regex = new StringBuilder("^");
            String variable = null;
            int group = 0;
            for (String segment : rule.segments()) {
                if (segment.equals("*")) {
                    regex.append("/[^/]+");
                } else if (segment.startsWith("{")) {
                    regex.append("/([^/]+)");
                    group++;
                    variable = "bound";
                } else {
                    regex.append('/').append(Pattern.quote(segment));
                }
            }
            regex.append(rule.rest() ? "(?:/.*)?$" : "$");
            Matcher matcher = Pattern.compile(regex.toString()).matcher(normalized);
            if (matcher.matches()) {
                String scope = "r" + i;
                if (variable != null) {
                    String value = matcher.group(group);
                    if (!value.matches("[a-z0-9][a-z0-9_.-]*")) {
                        return "deny";
                    }
                    scope += ":" + value;
                }
                return "scope " + scope;
            }
        }
        return "authenticated";
    }

    /** At most one {v} per rule, so the reference needs one group only. */
    private static List<String> uniqueVariables(List<String> segments) {
        List<String> out = new ArrayList<>();
        boolean seen = false;
        for (String segment : segments) {
            if (segment.equals("{v}")) {
                out.add(seen ? "*" : segment);
                seen = true;
            } else {
                out.add(segment);
            }
        }
        return out;
    }
}
