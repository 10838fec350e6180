package dev.scopekey.servlet;

import dev.scopekey.domain.DurationText;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code mint-rate} init-param of {@link TokenAdminServlet}: {@code <permits>/<period>},
 * where the period is {@code second}, {@code minute}, {@code hour}, {@code day} or a duration
 * such as {@code 15m} or {@code PT1H}. Immutable.
 *
 * @param permits mint requests allowed per period and client address
 * @param period the period
 */
record MintRate(int permits, Duration period) {
    static final String PARAM = "mint-rate";
    static final MintRate DEFAULT = new MintRate(10, Duration.ofHours(1));

    /**
     * Parses a rate.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    static MintRate parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        try {
            int permits = Integer.parseInt(value.substring(0, slash).strip());
            Duration period = period(value.substring(slash + 1).strip().toLowerCase(Locale.ROOT));
            if (permits >= 1 && permits <= 1_000_000) {
                return new MintRate(permits, period);
            }
        } catch (RuntimeException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(PARAM + " is <permits>/<period>, such as 10/hour or 100/15m "
                + "(1 to 1000000 permits; second, minute, hour, day or a duration)");
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

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
