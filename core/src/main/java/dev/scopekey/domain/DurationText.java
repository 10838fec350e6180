package dev.scopekey.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads durations as people write them in requests and on the command line: {@code 90s},
 * {@code 15m}, {@code 12h}, {@code 30d}, {@code 2w}, or ISO-8601 such as {@code PT12H}; at most
 * {@link #LONGEST}, so that any instant of this era plus a duration read here is an instant every
 * store can hold.
 */
public final class DurationText {
    /** The longest duration read: 36500 days (about a hundred years). */
    public static final Duration LONGEST = Duration.ofDays(36_500);

    private DurationText() {
    }

    /**
     * Parses a positive duration of at most {@link #LONGEST}.
     *
     * @param text the duration as written
     * @return the duration
     * @throws IllegalArgumentException if the text is not such a duration in one of the forms; the
     *     message says what is accepted and never repeats the text
     */
    public static Duration parse(String text) {
        Duration parsed = parseOrNull(text == null ? "" : text.strip());
        if (parsed == null || parsed.isZero() || parsed.isNegative() || parsed.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a duration is a positive number followed by s, m, h, d or w "
                    + "(for example 30d), or ISO-8601 (PT12H), of at most " + LONGEST.toDays() + "d");
        }
        return parsed;
    }

    /**
     * Writes a duration the way {@link #parse} reads it, in the largest unit that divides it
     * ({@code 90d}, {@code 12h}, {@code 15m}, {@code 90s}); sub-second parts are dropped.
     *
     * @param duration a non-negative duration
     * @return the duration as people write it
     */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static Duration parseOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.charAt(0) == 'P' || text.charAt(0) == 'p') {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String digits = text.substring(0, text.length() - 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long amount = Long.parseLong(digits);
        switch (text.charAt(text.length() - 1)) {
            case 's': return Duration.ofSeconds(amount);
            case 'm': return Duration.ofMinutes(amount);
            case 'h': return Duration.ofHours(amount);
            case 'd': return Duration.ofDays(amount);
            case 'w': return Duration.ofDays(amount * 7);
            default: return null;
        }
    }
}
