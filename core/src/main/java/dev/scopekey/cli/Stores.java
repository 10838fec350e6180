package dev.scopekey.cli;

import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import java.util.Map;

/** Opens the real stores the CLI supports, from a {@link StoreSpec}. */
final class Stores implements StoreOpener {
    private final Map<String, String> env;

    Stores(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public TokenStore open(StoreSpec spec) {
        throw new TokenStoreException(spec.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " stores are not available in this build" + (env.isEmpty() ? "" : ""));
    }
}
