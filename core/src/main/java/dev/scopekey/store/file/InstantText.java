package dev.scopekey.store.file;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads and writes the ISO-8601 times of a token file. */
final class InstantText {
    private InstantText() {
    }

    /**
     * An instant ({@code 2024-05-01T10:00:00Z}, with any offset, seconds optional) or a date
     * ({@code 2024-05-01}, meaning its start in UTC); null when the text is neither.
     */
    static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            // try the other accepted forms
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** The canonical form the store writes: UTC, as {@link Instant#toString()}. */
    static String format(Instant instant) {
        return instant.toString();
    }
}
