package dev.scopekey.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Truncation of instants to a store's timestamp precision. */
final class Instants {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Instants() {
    }

    /**
     * Checks that a precision is a positive divisor of one second or a whole number of seconds.
     *
     * @throws IllegalArgumentException otherwise
     */
    static Duration checkPrecision(Duration precision) {
        Objects.requireNonNull(precision, "precision");
        if (precision.isZero() || precision.isNegative()) {
            throw new IllegalArgumentException("a timestamp precision must be positive");
        }
        boolean wholeSeconds = precision.getNano() == 0;
        boolean divisorOfSecond = precision.getSeconds() == 0 && NANOS_PER_SECOND % precision.getNano() == 0;
        if (!wholeSeconds && !divisorOfSecond) {
            throw new IllegalArgumentException("a timestamp precision must divide one second or be whole seconds");
        }
        return precision;
    }

    /** {@code instant} rounded down to a multiple of {@code precision} since the epoch. */
    static Instant truncate(Instant instant, Duration precision) {
        checkPrecision(precision);
        if (precision.getNano() == 0) {
            long step = precision.getSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), step) * step);
        }
        long step = precision.getNano();
        return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() - instant.getNano() % step);
    }
}
