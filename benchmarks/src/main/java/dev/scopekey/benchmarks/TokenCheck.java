package dev.scopekey.benchmarks;

/**
 * One competitor in {@link AuthorizeBenchmark}: does {@code token} grant the benchmarks'
 * required scope? Built with its tokens in place; closed when the trial ends.
 */
interface TokenCheck extends AutoCloseable {
    /** The scope every benchmark request needs. */
    String SCOPE = "kafka:endpoint:read";

    /** Whether {@code token} is known and holds {@link #SCOPE}. */
    boolean grants(String token);

    /** The plaintext of the tokens this check knows. */
    String[] knownTokens();

    @Override
    void close();
}
