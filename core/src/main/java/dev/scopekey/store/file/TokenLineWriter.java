package dev.scopekey.store.file;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the text of a token line: a fresh {@code sha256:} line for an inserted record, or an
 * existing line brought up to date with every field the change leaves alone kept as written.
 */
final class TokenLineWriter {
    private TokenLineWriter() {
    }

    /**
     * The line for a newly inserted record: {@code sha256:<prefix>:<hash>}, never a plaintext.
     *
     * @throws IllegalArgumentException if a field cannot be written on one line
     */
    static String freshLine(TokenRecord record) {
        if (!record.prefix().isEmpty() && !PlainToken.isWellFormed(record.prefix())) {
            throw new IllegalArgumentException("a display prefix must be printable ASCII without spaces");
        }
        String credential = TokenLineParser.HASHED + record.prefix() + ":" + record.hash();
        List<String> attributes = new ArrayList<>();
        appendMissing(attributes, EnumSet.noneOf(KnownAttribute.class), record);
        return join(credential, record.scopes().toCommaList(), text("name", record.name()),
                record.createdAt() == null ? "" : InstantText.format(record.createdAt()), attributes);
    }

    /**
     * The line of {@code entry} rewritten to hold {@code record} (same hash). The credential,
     * unknown attributes and every unchanged field stay as written.
     *
     * @throws IllegalArgumentException if a field cannot be written on one line
     */
    static String updatedLine(TokenEntry entry, TokenRecord record) {
        TokenRecord old = entry.record();
        String scopes = !entry.isLegacy() && old.scopes().equals(record.scopes())
                ? entry.scopes() : record.scopes().toCommaList();
        String name = Objects.equals(old.name(), record.name())
                ? nullToEmpty(entry.name()) : text("name", record.name());
        String created = Objects.equals(old.createdAt(), record.createdAt()) ? nullToEmpty(entry.createdAt())
                : record.createdAt() == null ? "" : InstantText.format(record.createdAt());
        List<String> attributes = new ArrayList<>();
        Set<KnownAttribute> seen = EnumSet.noneOf(KnownAttribute.class);
        for (TokenEntry.Attribute attribute : entry.attributes()) {
            KnownAttribute known = KnownAttribute.forKey(attribute.key());
            if (known == null) {
                attributes.add(attribute.text());
                continue;
            }
            seen.add(known);
            Object value = known.valueIn(record);
            if (Objects.equals(value, known.valueIn(old))) {
                attributes.add(attribute.text());
            } else if (value != null) {
                attributes.add(field(known, value));
            }
        }
        appendMissing(attributes, seen, record);
        return join(entry.credential(), scopes, name, created, attributes);
    }

    private static void appendMissing(List<String> attributes, Set<KnownAttribute> present, TokenRecord record) {
        for (KnownAttribute known : KnownAttribute.values()) {
            Object value = known.valueIn(record);
            if (!present.contains(known) && value != null) {
                attributes.add(field(known, value));
            }
        }
    }

    private static String field(KnownAttribute known, Object value) {
        String formatted = known.format(value);
        if (known.isText()) {
            text(known.key(), formatted);
        }
        return known.key() + "=" + formatted;
    }

    /**
     * Fields joined by tabs, leaving out empty name and time fields that nothing follows; a line
     * whose last value ends in a space gets an empty field after it, so the space is read back.
     */
    private static String join(String credential, String scopes, String name, String created,
                               List<String> attributes) {
        StringBuilder line = new StringBuilder(credential).append(TokenLineParser.SEPARATOR).append(scopes);
        boolean more = !attributes.isEmpty();
        if (more || !created.isEmpty() || !name.isEmpty()) {
            line.append(TokenLineParser.SEPARATOR).append(name);
        }
        if (more || !created.isEmpty()) {
            line.append(TokenLineParser.SEPARATOR).append(created);
        }
        for (String attribute : attributes) {
            line.append(TokenLineParser.SEPARATOR).append(attribute);
        }
        if (line.charAt(line.length() - 1) == ' ') {
            // readers ignore trailing spaces; an empty last field keeps those of a value
            line.append(TokenLineParser.SEPARATOR);
        }
        return line.toString();
    }

    /** A text field's value ("" for none), refused when it would break the line. */
    private static String text(String field, String value) {
        if (value == null) {
            return "";
        }
        if (TokenLineParser.hasControl(value)) {
            throw new IllegalArgumentException("a " + field + " with control characters cannot be written to a "
                    + "token file");
        }
        return value;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
