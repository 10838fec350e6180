package dev.scopekey.store.memory;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.time.Duration;
import java.util.List;

/**
 * The in-memory store passes the store contract, keeping instants to the nanosecond; preloaded, it
 * holds records that share a display prefix.
 */
class InMemoryTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore newStore() {
        return new InMemoryTokenStore();
    }

    @Override
    protected TokenStore newStoreHolding(List<TokenRecord> records) {
        return InMemoryTokenStore.withRecords(records);
    }

    @Override
    protected Duration timestampPrecision() {
        return Duration.ofNanos(1);
    }
}
