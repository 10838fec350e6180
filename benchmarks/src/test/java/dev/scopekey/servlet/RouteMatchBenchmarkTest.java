package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The route benchmark matches the rule written last, with as many rules as it says. */
class RouteMatchBenchmarkTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 10_000})
    void findsTheLastRulesAmongAllOfThem(int rules) {
        RouteMatchBenchmark benchmark = new RouteMatchBenchmark();
        benchmark.rules = rules;
        for (String route : new String[] {"static", "variable"}) {
            benchmark.route = route;
            benchmark.setUp(); // throws unless the request finds its rule
            assertTrue(String.valueOf(benchmark.match().scope()).contains(route.equals("static")
                    ? "kafka:endpoint:read" : "workspaces:w42:write"), route);
        }
        assertEquals(rules, RouteMatchBenchmark.rulesText(rules).lines().count());
    }
}
