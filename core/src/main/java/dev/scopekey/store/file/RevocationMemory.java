package dev.scopekey.store.file;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The revocations one store has seen in its file or written to it, so that a token once revoked
 * stays revoked when the file loses the revocation: when an editor that read the file before a
 * revoke saves its copy by rename after it, say. Holds hashes and actor labels, never tokens.
 * Thread-safe.
 *
 * <p>Only a change made through the store itself can clear or move a remembered revocation.
 * It knows only what this store saw: a revocation written and undone while the store did not
 * look at the file, or before it was opened, is not known here.
 */
final class RevocationMemory {
    /** What the file lost and {@link #keepRevoked} put back. */
    record Kept(TokenFile file, List<String> restoredPrefixes) {
    }

    private record Revocation(Instant at, String by) {
    }

    private final Map<String, Revocation> byHash = new HashMap<>();

    /**
     * {@code file} with every remembered revocation put back on the line of a token the file now
     * shows unrevoked or revoked later; revocations the file shows are remembered, the earliest
     * per token. The file is the same instance when nothing was put back.
     */
    synchronized Kept keepRevoked(TokenFile file) {
        List<TokenRecord> restored = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (TokenRecord record : file.records()) {
            Revocation known = byHash.get(record.hash());
            if (known != null && (record.revokedAt() == null || record.revokedAt().isAfter(known.at()))) {
                restored.add(record.withRevoked(known.at(), known.by()));
                prefixes.add(record.prefix());
            } else if (record.revokedAt() != null) {
                byHash.put(record.hash(), new Revocation(record.revokedAt(), record.revokedBy()));
            }
        }
        return new Kept(restored.isEmpty() ? file : file.apply(TokenChange.update(restored)), List.copyOf(prefixes));
    }

    /**
     * Takes the file this store just wrote as the truth about the tokens in it: a change made
     * through the store may set a token's revocation to anything, clearing it included.
     * Tokens not in the file stay remembered.
     */
    synchronized void written(TokenFile file) {
        for (TokenRecord record : file.records()) {
            if (record.revokedAt() == null) {
                byHash.remove(record.hash());
            } else {
                byHash.put(record.hash(), new Revocation(record.revokedAt(), record.revokedBy()));
            }
        }
    }
}
