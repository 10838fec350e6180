package dev.scopekey.testkit;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** A {@link SecureRandom} that repeats itself for a seed, so generated tokens can be reproduced. Tests only. */
final class SeededRandom {
    private SeededRandom() {
    }

    static SecureRandom of(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java platform", e);
        }
    }
}
