package dev.scopekey.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record: what happened, who did it, to which token, when and from where. Holds no
 * secret: the target is a display prefix or a subject.
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
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
