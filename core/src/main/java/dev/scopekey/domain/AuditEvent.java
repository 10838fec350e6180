package dev.scopekey.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record: what happened, who did it, to which token, when and from where. Holds no
 * secret: the target is a display prefix or a subject. Values may still hold anything a caller
 * sent (a subject, say): a sink that writes text escapes them, as {@link #toString()} does with
 * {@link LogText#value}.
 *
 * @param type what happened
 * @param actor actor label ({@link ActorLabel})
 * @param target display prefix of the token acted on, {@code subject:<s>}, or null
 * @param at when
 * @param clientAddress the caller's address, or null
 * @param detail a short reason code for refusals and denials, or null
 */
public record AuditEvent(AuditEventType type, String actor, String target, Instant at, String clientAddress,
                         String detail) {
    /**
     * Checks the required fields.
     *
     * @param type what happened
     * @param actor actor label
     * @param target the token or subject acted on, or null
     * @param at when
     * @param clientAddress the caller's address, or null
     * @param detail a short reason code, or null
     */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The fields as a log line names them, in order ({@code event}, {@code actor}, {@code target},
     * {@code at}, {@code client}, {@code detail}), absent ones left out; values as they are, not
     * escaped.
     *
     * @return the fields by name, unmodifiable
     */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", type.name().toLowerCase(Locale.ROOT));
        fields.put("actor", actor);
        putIfPresent(fields, "target", target);
        fields.put("at", at.toString());
        putIfPresent(fields, "client", clientAddress);
        putIfPresent(fields, "detail", detail);
        return Collections.unmodifiableMap(fields);
    }

    /** One line of {@code key=value} fields, each value escaped ({@link LogText#value}). */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        fields().forEach((key, value) -> line.append(line.length() == 0 ? "" : " ").append(key).append('=')
                .append(LogText.value(value)));
        return line.toString();
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
