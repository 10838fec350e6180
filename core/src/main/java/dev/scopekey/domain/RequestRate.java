package dev.scopekey.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * A rate of requests: {@code permits} per {@code period}, written {@code <permits>/<period>}
 * where the period is {@code second}, {@code minute}, {@code hour}, {@code day} or a duration
 * ({@link DurationText}: {@code 15m}, {@code PT1H}). Used for a token's own request limit and for
 * the admin API's mint rate. Immutable; {@link #toString()} is the canonical text.
 *
 * @param permits requests allowed per period, 1 to {@link #MAX_PERMITS}
 * @param period the period, positive
 */
public record RequestRate(int permits, Duration period) {
    /** The most permits a rate allows per period. */
    public static final int MAX_PERMITS = 1_000_000;

    /**
     * Checks the parts.
     *
     * @param permits requests allowed per period
     * @param period the period
     * @throws IllegalArgumentException if permits are outside 1 to {@link #MAX_PERMITS} or the
     *     period is not positive
     */
    public RequestRate {
        if (permits < 1 || permits > MAX_PERMITS || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(FORMS);
        }
    }

    private static final String FORMS = "a rate is <permits>/<period>, such as 100/minute or 100/15m (1 to "
            + MAX_PERMITS + " permits; second, minute, hour, day or a duration)";

    /**
     * Reads a rate.
     *
     * @param text the rate as written; spaces around its parts are ignored
     * @return the rate
     * @throws IllegalArgumentException with the accepted forms, never repeating the text
     */
    public static RequestRate parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        if (slash != -1) {
            String count = value.substring(0, slash).strip();
            if (!count.isEmpty() && count.length() <= 7 && count.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return new RequestRate(Integer.parseInt(count),
                            period(value.substring(slash + 1).strip().toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    // falls through to the one message below
                }
            }
        }
        throw new IllegalArgumentException(FORMS);
    }

    private static Duration period(String unit) {
        switch (unit) {
            case "second": return Duration.ofSeconds(1);
            case "minute": return Duration.ofMinutes(1);
            case "hour": return Duration.ofHours(1);
            case "day": return Duration.ofDays(1);
            default: return DurationText.parse(unit.startsWith("p") ? unit.toUpperCase(Locale.ROOT) : unit);
        }
    }

    /** @return the canonical text: {@code 100/minute}, or the period as ISO-8601 ({@code 100/PT15M}) */
    @Override
    public String toString() {
        String unit = period.equals(Duration.ofSeconds(1)) ? "second" : period.equals(Duration.ofMinutes(1)) ? "minute"
                : period.equals(Duration.ofHours(1)) ? "hour" : period.equals(Duration.ofDays(1)) ? "day"
                : period.toString();
        return permits + "/" + unit;
    }
}
