package dev.scopekey.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with one {@link MessageDigest} per thread: what any store that keeps hashes at rest
 * pays per request, and the floor the benchmarks compare scopekey with.
 */
final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /** The SHA-256 of the token's ASCII bytes, as a map key. */
    static DigestKey of(String token) {
        return new DigestKey(DIGEST.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
