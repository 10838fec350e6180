package dev.scopekey.testkit;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store whose backing system is down: every call throws {@link TokenStoreException}. Build a
 * service on it to test that an outage is answered with {@code Unavailable} (503 over HTTP),
 * never with an allow or a 401:
 *
 * <pre>{@code
 * TokenService down = TokenService.builder(new UnavailableTokenStore()).audit(AuditSink.discarding()).build();
 * AuthDecisionAssert.assertUnavailable(down.authenticate(token, ClientRequest.NONE));
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class UnavailableTokenStore implements TokenStore {
    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        throw down();
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        throw down();
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        throw down();
    }

    @Override
    public void apply(TokenChange change) {
        throw down();
    }

    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        throw down();
    }

    private static TokenStoreException down() {
        return new TokenStoreException("the token store is down (UnavailableTokenStore)");
    }
}
