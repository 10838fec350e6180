package dev.scopekey.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One audit record: what happened, who did it, to which token, when and from where, and the
 * facts of that kind of event (a mint's scopes, subject and expiry, a rotation's successor, a
 * denial's missing scope, method and path). Holds no secret: the target is a display prefix or a
 * subject. Values may still hold anything a caller sent (a subject, a path, say): a sink that
 * writes text escapes them, as {@link #message()} does with {@link LogText#value}.
 *
 * @param type what happened
 * @param actor actor label ({@link ActorLabel})
 * @param target display prefix of the token acted on, {@code subject:<s>}, or null
 * @param at when
 * @param clientAddress the caller's address, or null
 * @param detail a short reason code for refusals and denials, or null
 * @param facts further facts in the order they are written, by key ({@code [a-z][a-z_]*}, none of
 *     the names above); null values are left out; never null (empty when there are none)
 */
public record AuditEvent(AuditEventType type, String actor, String target, Instant at, String clientAddress,
                         String detail, Map<String, String> facts) {
    private static final Set<String> OWN_KEYS = Set.of("event", "actor", "target", "at", "client", "detail");

    /**
     * Checks the required fields and copies the facts, keeping their order.
     *
     * @param type what happened
     * @param actor actor label
     * @param target the token or subject acted on, or null
     * @param at when
     * @param clientAddress the caller's address, or null
     * @param detail a short reason code, or null
     * @param facts further facts by key, or null for none
     * @throws IllegalArgumentException if a fact's key is not {@code [a-z][a-z_]*} or is one of the event's own field names
     */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        // sized for the facts given (a denial has three): the default table is sixteen slots
        Map<String, String> copy = new LinkedHashMap<>(facts == null ? 1 : 1 + facts.size() * 4 / 3);
        if (facts != null) {
            facts.forEach((key, value) -> {
                if (!isKey(key) || OWN_KEYS.contains(key)) {
                    throw new IllegalArgumentException("an audit fact's key is [a-z][a-z_]* and not one of "
                            + OWN_KEYS + ": " + LogText.value(key));
                }
                if (value != null) {
                    copy.put(key, value);
                }
            });
        }
        facts = Collections.unmodifiableMap(copy);
    }

    /**
     * An event without further facts.
     *
     * @param type what happened
     * @param actor actor label
     * @param target the token or subject acted on, or null
     * @param at when
     * @param clientAddress the caller's address, or null
     * @param detail a short reason code, or null
     */
    public AuditEvent(AuditEventType type, String actor, String target, Instant at, String clientAddress,
                      String detail) {
        this(type, actor, target, at, clientAddress, detail, Map.of());
    }

    /**
     * The event's name as logs write it: {@code token_minted}, {@code authorization_denied}, …
     *
     * @return the type's name in lower case
     */
    public String name() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fields as a log line names them, in order ({@code event}, {@code actor}, {@code target},
     * {@code at}, {@code client}, {@code detail}, then the facts), absent ones left out; every value
     * a string (the time in ISO-8601), as it is, not escaped.
     *
     * @return the fields by name, unmodifiable
     */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", name());
        fields.put("actor", actor);
        putIfPresent(fields, "target", target);
        fields.put("at", at.toString());
        putIfPresent(fields, "client", clientAddress);
        putIfPresent(fields, "detail", detail);
        fields.putAll(facts);
        return Collections.unmodifiableMap(fields);
    }

    /**
     * The event as one line a person reads: its name, then every other field as {@code key=value}
     * with the value escaped ({@link LogText#value}), e.g.
     * {@code token_minted actor=cli target=sk_AbC… at=… scopes=reports:read subject=alice}.
     *
     * @return the line, without a line break
     */
    public String message() {
        StringBuilder line = new StringBuilder(name());
        fields().forEach((key, value) -> {
            if (!key.equals("event")) {
                line.append(' ').append(key).append('=').append(LogText.value(value));
            }
        });
        return line.toString();
    }

    /** {@code event=} and the {@link #message()}: one line of {@code key=value} fields, each value escaped. */
    @Override
    public String toString() {
        return "event=" + message();
    }

    private static boolean isKey(String key) {
        if (key == null || key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c < 'a' || c > 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
