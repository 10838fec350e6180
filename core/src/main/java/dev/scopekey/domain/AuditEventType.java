package dev.scopekey.domain;

/** What an {@link AuditEvent} records: every mutation and every refusal. */
public enum AuditEventType {
    /** A token was minted. */
    TOKEN_MINTED,
    /** A token was revoked. */
    TOKEN_REVOKED,
    /** A token was rotated: a successor minted, the old token retired. */
    TOKEN_ROTATED,
    /** Every live token of a subject was revoked. */
    SUBJECT_TOKENS_REVOKED,
    /** A mint was refused. */
    MINT_REFUSED,
    /** A list was refused. */
    LIST_REFUSED,
    /** A revocation was refused. */
    REVOKE_REFUSED,
    /** A rotation was refused. */
    ROTATE_REFUSED,
    /** A request's token was not accepted. */
    AUTHENTICATION_DENIED,
    /** A valid token lacked the scope a request needed. */
    AUTHORIZATION_DENIED,
    /** A token revoked or expired long enough ago was removed from the store (one event per token). */
    TOKEN_PRUNED,
    /** A prune was refused. */
    PRUNE_REFUSED,
    /** A token was used within the expiry notice before it expires (once per token per service instance). */
    TOKEN_EXPIRING,
    /** A token's name, address allow-list or rate limit was changed (the event's facts name the field). */
    TOKEN_UPDATED,
    /** A token was disabled. */
    TOKEN_DISABLED,
    /** A disabled token was enabled again. */
    TOKEN_ENABLED,
    /** An update of a token was refused. */
    UPDATE_REFUSED
}
