package dev.scopekey.service;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a break-glass admin token ({@code CONFIG}, root) is hard enough to guess: at least
 * {@value #MIN_LENGTH} characters, at least {@value #MIN_DISTINCT} distinct ones, and an estimated
 * entropy of at least {@value #MIN_BITS} bits (the length times the Shannon entropy of its
 * characters' frequencies, which a random string of that length and alphabet reaches and a
 * repeated or padded word does not). What it says never contains the token.
 */
final class AdminTokenStrength {
    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT = 10;
    static final int MIN_BITS = 96;
    private static final String ADVICE = "; generate one, e.g. openssl rand -base64 32, or mint a token with the CLI "
            + "and use its text";

    private AdminTokenStrength() {
    }

    /** Null when {@code token} is strong enough, else why not (without the token). */
    static String problem(String token) {
        if (token.length() < MIN_LENGTH) {
            return "the admin token is too short: it has " + token.length() + " characters, at least "
                    + MIN_LENGTH + " are required" + ADVICE;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < token.length(); i++) {
            counts.merge(token.charAt(i), 1, Integer::sum);
        }
        if (counts.size() < MIN_DISTINCT) {
            return "the admin token is too weak: it has " + counts.size() + " distinct characters, at least "
                    + MIN_DISTINCT + " are required" + ADVICE;
        }
        double bits = estimatedBits(counts, token.length());
        if (bits < MIN_BITS) {
            return "the admin token is too weak: its estimated entropy is " + (int) bits + " bits, at least "
                    + MIN_BITS + " are required" + ADVICE;
        }
        return null;
    }

    private static double estimatedBits(Map<Character, Integer> counts, int length) {
        double perCharacter = 0;
        for (int count : counts.values()) {
            double p = (double) count / length;
            perCharacter -= p * Math.log(p) / Math.log(2);
        }
        return perCharacter * length;
    }
}
