package dev.scopekey.store.file;

import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.memory.InMemoryTokenStore;

/**
 * What a file store's lookups answer from: the records of the file as last read, kept in a
 * memory store (read only), or why it could not be read. Immutable.
 */
final class StoreView {
    final Snapshot snapshot;
    final InMemoryTokenStore index;
    final String failure;
    final Throwable cause;

    private StoreView(Snapshot snapshot, InMemoryTokenStore index, String failure, Throwable cause) {
        this.snapshot = snapshot;
        this.index = index;
        this.failure = failure;
        this.cause = cause;
    }

    static StoreView of(Snapshot snapshot, InMemoryTokenStore index) {
        return new StoreView(snapshot, index, null, null);
    }

    static StoreView failed(String failure, Throwable cause) {
        return new StoreView(null, null, failure, cause);
    }

    InMemoryTokenStore orThrow() {
        if (failure != null) {
            throw new TokenStoreException(failure, cause);
        }
        return index;
    }
}
