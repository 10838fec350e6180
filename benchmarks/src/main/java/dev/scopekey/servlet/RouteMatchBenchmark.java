package dev.scopekey.servlet;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What finding a request's route rule costs as the rules grow: {@code @Param rules} = 10, 1,000
 * or 10,000 rules, half static ({@code GET /svcN/** svcN:read}), half with a path variable
 * bound into the scope ({@code GET /teamN/{id}/** teamN:{id}:read}), and the rule that matches
 * written last (the worst case for a scan). {@code @Param route}: {@code static} asks for
 * {@code GET /kafka/endpoint} (rule {@code GET /kafka/** kafka:endpoint:read}), {@code variable}
 * for {@code GET /workspaces/w42/items} (rule {@code GET /workspaces/{id}/** workspaces:{id}:write}).
 * In package {@code dev.scopekey.servlet} because the route rules are the adapter's own.
 *
 * <p>Run with the other benchmarks: {@code benchmarks/run} (it sets forks, iterations and
 * {@code -prof gc}); alone: {@code benchmarks/run RouteMatchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteMatchBenchmark {
    /** How many rules: 10, 1000 or 10000. */
    @Param({"10", "1000", "10000"})
    public int rules;

    /** Which request: static or variable. */
    @Param({"static", "variable"})
    public String route;

    private RouteRules table;
    private String path;

    /** Parses the rules and checks the request finds the rule written for it. */
    @Setup(Level.Trial)
    public void setUp() {
        table = RouteRules.parse(rulesText(rules), RequiredAccess.AUTHENTICATED);
        boolean variable = "variable".equals(route);
        path = variable ? "/workspaces/w42/items" : "/kafka/endpoint";
        String expected = variable ? "workspaces:w42:write" : "kafka:endpoint:read";
        String found = String.valueOf(match().scope());
        if (!found.contains(expected)) {
            throw new IllegalStateException(path + " needs " + found + ", not " + expected);
        }
    }

    /**
     * Finds the rule for the request.
     *
     * @return what the request needs
     */
    @Benchmark
    public RequiredAccess match() {
        return table.accessFor("GET", path);
    }

    /** {@code count} rules, the two the benchmark asks for last. */
    static String rulesText(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count - 2; i++) {
            if (i % 2 == 0) {
                text.append("GET /svc").append(i).append("/** svc").append(i).append(":read\n");
            } else {
                text.append("GET /team").append(i).append("/{id}/** team").append(i).append(":{id}:read\n");
            }
        }
        text.append("GET /kafka/** kafka:endpoint:read\n");
        text.append("GET /workspaces/{id}/** workspaces:{id}:write\n");
        return text.toString();
    }
}
