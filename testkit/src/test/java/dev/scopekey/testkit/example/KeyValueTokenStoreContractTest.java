package dev.scopekey.testkit.example;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.TokenStoreContract;
import java.time.Duration;

/** The guide's example: a third-party store passes the contract, declaring that it keeps whole seconds. */
class KeyValueTokenStoreContractTest extends TokenStoreContract {

    @Override
    protected TokenStore newStore() {
        return new KeyValueTokenStore();
    }

    @Override
    protected Duration timestampPrecision() {
        return Duration.ofSeconds(1);
    }
}
