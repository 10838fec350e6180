package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.MintedToken;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Prints tokens for people and scripts: a minted token alone on the first stdout line, then
 * {@code key: value} lines about it; times in UTC ISO-8601 to the second, {@code -} for none.
 */
final class TokenDetails {
    private static final int KEY_WIDTH = 9;
    private static final String REMINDER = "The token above is shown only this once: store it now.";

    private TokenDetails() {
    }

    /**
     * Prints a minted token: the plaintext alone on the first line, then its details unless
     * {@code quiet}; a reminder that it is shown once goes to stderr (never the token).
     */
    static void printMinted(CliContext context, MintedToken minted, boolean quiet) {
        context.out.println(minted.token().reveal());
        if (quiet) {
            return;
        }
        TokenRecord record = minted.record();
        field(context.out, "prefix", record.prefix());
        field(context.out, "scopes", record.scopes().toCommaList());
        field(context.out, "name", record.name());
        field(context.out, "subject", record.subject());
        field(context.out, "created", time(record.createdAt()));
        field(context.out, "expires", record.expiresAt() == null ? "never" : time(record.expiresAt()));
        context.err.println(REMINDER);
    }

    /**
     * A minted token for {@code --json}: the token, then its public record; the caller may add
     * members before it prints the document. The reminder that it is shown once goes to stderr.
     */
    static JsonObject mintedJson(CliContext context, MintedToken minted) {
        context.err.println(REMINDER);
        return TokenJson.fields(JsonObject.object().put("token", minted.token().reveal()), minted.record(),
                context.now());
    }

    /** One {@code key: value} line, {@code -} for a null value. */
    static void field(PrintStream out, String key, String value) {
        StringBuilder line = new StringBuilder(key).append(':');
        while (line.length() < KEY_WIDTH + 1) {
            line.append(' ');
        }
        out.println(line.append(printable(value)));
    }

    /** An instant in UTC to the second, or {@code -}. */
    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The text with control characters replaced by {@code ?}, or {@code -} for null. */
    static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
