package dev.scopekey.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads durations as people write them in requests and on the command line: {@code 90s},
 * {@code 15m}, {@code 12h}, {@code 30d}, {@code 2w}, or ISO-8601 such as {@code PT12H}.
 */
public final class DurationText {
    private DurationText() {
    }

    /**
     * Parses a positive duration.
     *
     * @throws IllegalArgumentException if the text is not a positive duration in one of the forms
     */
    public static Duration parse(String text) {
        Duration parsed = parseOrNull(text == null ? "" : text.strip());
        if (parsed == null || parsed.isZero() || parsed.isNegative()) {
            throw new IllegalArgumentException("a duration is a positive number followed by s, m, h, d or w "
                    + "(for example 30d), or ISO-8601 (PT12H)");
        }
        return parsed;
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
