package dev.scopekey.benchmarks;

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What deciding one request costs without HTTP: does this bearer token hold
 * {@code kafka:endpoint:read}? Competitors behind {@code @Param check}: {@code floor} (SHA-256 with
 * a thread-local digest, one {@code HashMap} lookup, a scope-set test: the least any store that
 * keeps hashes at rest can do) and scopekey's {@code TokenService} (authenticate, then authorize
 * the principal for a pre-parsed scope) over the {@code memory}, {@code file} (a real token file)
 * and {@code jdbc} (H2 in memory, default cache, warm) stores. {@code @Param token}: {@code valid}
 * (known, holding the scope) or {@code unknown} (well-formed, valid checksum, in no store). Each
 * invocation presents the next of {@value #TOKENS} tokens.
 *
 * <p>Run with the other benchmarks: {@code benchmarks/run} (it sets forks, iterations and
 * {@code -prof gc}); alone: {@code benchmarks/run AuthorizeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthorizeBenchmark {
    /** How many distinct tokens the store holds and the benchmark presents in turn. */
    static final int TOKENS = 256;

    /** The competitor: floor, memory, file or jdbc. */
    @Param({"floor", "memory", "file", "jdbc"})
    public String check;

    /** Which tokens are presented: valid or unknown. */
    @Param({"valid", "unknown"})
    public String token;

    private TokenCheck competitor;
    private String[] presented;
    private int next;

    /** Builds the competitor with its tokens and warms the store's cache. */
    @Setup(Level.Trial)
    public void setUp() {
        competitor = open(check, TOKENS);
        presented = "valid".equals(token) ? competitor.knownTokens() : ScopeKeyApi.unknownTokens(TOKENS);
        boolean expected = "valid".equals(token);
        for (String each : presented) {
            if (competitor.grants(each) != expected) {
                throw new IllegalStateException(check + " does not decide a " + token + " token as expected");
            }
        }
    }

    /** Closes the competitor and deletes what it wrote. */
    @TearDown(Level.Trial)
    public void tearDown() {
        competitor.close();
    }

    /**
     * Decides one request.
     *
     * @return whether it was granted
     */
    @Benchmark
    public boolean authorize() {
        int index = next;
        next = index + 1 == presented.length ? 0 : index + 1;
        return competitor.grants(presented[index]);
    }

    /** The competitor named {@code name}, holding {@code count} valid tokens. */
    static TokenCheck open(String name, int count) {
        if ("floor".equals(name)) {
            return new FloorCheck(ScopeKeyApi.unknownTokens(count));
        }
        return new ServiceCheck(StoreKind.valueOf(name.toUpperCase(Locale.ROOT)), count);
    }
}
