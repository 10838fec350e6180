package dev.scopekey.store.memory;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.time.Duration;

/** The in-memory store passes the store contract, keeping instants to the nanosecond. */
class InMemoryTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore newStore() {
        return new InMemoryTokenStore();
    }

    @Override
    protected Duration timestampPrecision() {
        return Duration.ofNanos(1);
    }
}
