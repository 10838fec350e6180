package dev.scopekey.benchmarks;

import dev.scopekey.service.TokenService;

/**
 * The tokens every filter competitor is built with: one valid token holding
 * {@value TokenCheck#SCOPE}, in scopekey's in-memory store and in the other competitors' maps,
 * and one well-formed token that none of them knows.
 *
 * @param service scopekey's service over the store that holds {@code valid}
 * @param valid the plaintext of the known token
 * @param unknown the plaintext of a token no competitor knows
 */
record FilterTokens(TokenService service, String valid, String unknown) implements AutoCloseable {

    /** Mints the valid token into a fresh in-memory store. */
    static FilterTokens create() {
        TokenService service = ScopeKeyApi.memoryService();
        return new FilterTokens(service, ScopeKeyApi.mint(service, TokenCheck.SCOPE, 1)[0],
                ScopeKeyApi.unknownTokens(1)[0]);
    }

    @Override
    public void close() {
        service.close();
    }

    @Override
    public String toString() {
        return "FilterTokens[redacted]";
    }
}
