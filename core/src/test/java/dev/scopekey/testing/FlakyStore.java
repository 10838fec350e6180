package dev.scopekey.testing;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory store that can be switched off and on, as a database that goes down and comes
 * back: while down, reads (and, if asked, last-use writes) fail with a message as a JDBC driver
 * might write it, a password in its URL included.
 */
public final class FlakyStore implements TokenStore {
    /** The password the failure message carries; no log line may show it. */
    public static final String PASSWORD = "hunter2-db-password";
    private final InMemoryTokenStore delegate = new InMemoryTokenStore();
    private volatile boolean readsFail;
    private volatile boolean usesFail;

    public void failReads(boolean fail) {
        readsFail = fail;
    }

    public void failLastUseWrites(boolean fail) {
        usesFail = fail;
    }

    private void maybeFail(boolean fail) {
        if (fail) {
            throw new TokenStoreException("cannot query the token table",
                    new IllegalStateException("Connection to jdbc:postgresql://db.internal:5432/app?user=app&password="
                            + PASSWORD + " refused"));
        }
    }

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        maybeFail(readsFail);
        return delegate.findByHash(hash);
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        maybeFail(readsFail);
        return delegate.findByPrefix(prefix);
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        maybeFail(readsFail);
        return delegate.list(query);
    }

    @Override
    public List<TokenRecord> prune(Instant cutoff) {
        maybeFail(readsFail);
        return delegate.prune(cutoff);
    }

    @Override
    public void apply(TokenChange change) {
        delegate.apply(change);
    }

    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        maybeFail(usesFail);
        delegate.recordUse(lastUsedByHash);
    }

    @Override
    public String toString() {
        return "FlakyStore";
    }
}
