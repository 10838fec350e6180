package dev.scopekey.benchmarks;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one request's verification costs: {@code TokenService.authorize} (checksum, SHA-256,
 * lookup by hash, expiry and revocation, scope check, last-use bookkeeping) against two
 * baselines in the same run — a plaintext {@code HashMap} lookup (what a hand-rolled token table
 * does, storing secrets in the clear) and a bare SHA-256 (the floor for any store that keeps
 * only hashes).
 *
 * <p>Run: {@code ./mvnw -B -q -DskipTests package -pl benchmarks -am && java -cp
 * benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)
 * org.openjdk.jmh.Main VerifyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerifyBenchmark {
    private static final String SCOPE = "kafka:endpoint:read";
    private static final dev.scopekey.domain.Scope REQUIRED = dev.scopekey.domain.Scope.of(SCOPE);

    @Param({"1000", "100000"})
    public int tokens;

    private TokenService service;
    private String[] presented;
    private String[] unknown;
    private Map<String, String[]> plaintextTable;
    private int next;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        TokenFormat format = TokenFormat.standard();
        ScopeSet scopes = ScopeSet.parseList(SCOPE);
        List<TokenRecord> records = new ArrayList<>(tokens);
        presented = new String[Math.min(tokens, 1024)];
        plaintextTable = new HashMap<>();
        for (int i = 0; i < tokens; i++) {
            PlainToken token = format.generate(random);
            records.add(TokenRecord.minted(token, scopes, null, null, Instant.EPOCH, "cli", null));
            plaintextTable.put(token.reveal(), new String[] {SCOPE});
            if (i < presented.length) {
                presented[i] = token.reveal();
            }
        }
        service = TokenService.builder(InMemoryTokenStore.withRecords(records)).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).build();
        unknown = new String[presented.length];
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = service.format().generate(random).reveal();
        }
    }

    private int nextIndex() {
        next = next + 1 == presented.length ? 0 : next + 1;
        return next;
    }

    /** scopekey: a valid token with the required scope. */
    @Benchmark
    public boolean authorizeValidToken() {
        AuthDecision decision = service.authorize(presented[nextIndex()], REQUIRED, null);
        return decision.isGranted();
    }

    /** scopekey: a well-formed token the store does not know. */
    @Benchmark
    public boolean authorizeUnknownToken() {
        return service.authorize(unknown[nextIndex()], REQUIRED, null).isGranted();
    }

    /** Baseline: plaintext table lookup and a linear scope check, no hashing. */
    @Benchmark
    public boolean baselinePlaintextMap() {
        String[] scopes = plaintextTable.get(presented[nextIndex()]);
        return scopes != null && scopes[0].equals(SCOPE);
    }

    /** Baseline: the SHA-256 that any hash-at-rest store must pay. */
    @Benchmark
    public String baselineSha256() {
        return TokenHash.hexOf(presented[nextIndex()]);
    }
}
