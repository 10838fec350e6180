package dev.scopekey.store.file;

import dev.scopekey.domain.TokenIndex;
import dev.scopekey.port.TokenStoreException;

/**
 * What a file store's lookups answer from: an index of the file as last read, or why it could
 * not be read. Immutable.
 */
final class StoreView {
    final Snapshot snapshot;
    final TokenIndex index;
    final String failure;
    final Throwable cause;

    private StoreView(Snapshot snapshot, TokenIndex index, String failure, Throwable cause) {
        this.snapshot = snapshot;
        this.index = index;
        this.failure = failure;
        this.cause = cause;
    }

    static StoreView of(Snapshot snapshot, TokenIndex index) {
        return new StoreView(snapshot, index, null, null);
    }

    static StoreView failed(String failure, Throwable cause) {
        return new StoreView(null, null, failure, cause);
    }

    TokenIndex orThrow() {
        if (failure != null) {
            throw new TokenStoreException(failure, cause);
        }
        return index;
    }
}
