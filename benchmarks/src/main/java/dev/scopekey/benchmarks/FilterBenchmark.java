package dev.scopekey.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;

/**
 * What guarding one HTTP request costs: {@code GET /kafka/endpoint} with a bearer token, rule
 * {@code GET /kafka/** kafka:endpoint:read}, through a servlet filter over a reused mock request
 * ({@link FilterHarness}). Competitors behind {@code @Param filter}: {@code noop} (the harness
 * alone, subtracted from the others), {@code minimal} ({@link MinimalFilter}), {@code scopekey}
 * ({@code ScopeKeyFilter}, in-memory store) and {@code spring} ({@link SpringSecurityFilter}).
 * {@code @Param outcome}: {@code granted} (a valid token) or {@code denied} (a token no competitor
 * knows: 401). {@code FilterCompetitorsTest} checks every competitor decides both alike.
 *
 * <p>Run with the other benchmarks: {@code benchmarks/run} (it sets forks, iterations and
 * {@code -prof gc}); alone: {@code benchmarks/run FilterBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
    /** The competitor: noop, minimal, scopekey or spring. */
    @Param({"noop", "minimal", "scopekey", "spring"})
    public String filter;

    /** The request's token: granted (valid) or denied (unknown). */
    @Param({"granted", "denied"})
    public String outcome;

    private FilterTokens tokens;
    private Filter competitor;
    private FilterHarness harness;

    /** Builds the competitor and the request. */
    @Setup(Level.Trial)
    public void setUp() {
        tokens = FilterTokens.create();
        competitor = FilterCompetitor.valueOf(filter.toUpperCase(Locale.ROOT)).create(tokens);
        harness = new FilterHarness("granted".equals(outcome) ? tokens.valid() : tokens.unknown());
    }

    /** Destroys the filter and closes the service. */
    @TearDown(Level.Trial)
    public void tearDown() {
        competitor.destroy();
        tokens.close();
    }

    /**
     * Sends the request through the filter once.
     *
     * @return the status, negated when the application was not reached
     * @throws IOException never, with the mock request
     * @throws ServletException never, with these filters
     */
    @Benchmark
    public int request() throws IOException, ServletException {
        return harness.send(competitor);
    }
}
