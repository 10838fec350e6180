package dev.scopekey.servlet;

import dev.scopekey.domain.RequestRate;
import java.time.Duration;

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
     * Parses a rate, as {@link RequestRate#parse} reads it.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    static MintRate parse(String text) {
        try {
            RequestRate rate = RequestRate.parse(text);
            return new MintRate(rate.permits(), rate.period());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PARAM + " is <permits>/<period>, such as 10/hour or 100/15m "
                    + "(1 to 1000000 permits; second, minute, hour, day or a duration)", e);
        }
    }

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
