package dev.scopekey.benchmarks;

import java.util.Arrays;

/**
 * A digest as a hash-map key: compared by content, hashed from its first four bytes (a
 * SHA-256 is uniform, so they spread as well as any hash of the whole).
 */
final class DigestKey {
    private final byte[] bytes;
    private final int hash;

    DigestKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DigestKey && Arrays.equals(bytes, ((DigestKey) other).bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
