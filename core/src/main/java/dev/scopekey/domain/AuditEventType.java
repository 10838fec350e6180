package dev.scopekey.domain;

/** What an {@link AuditEvent} records: every mutation and every refusal. */
public enum AuditEventType {
    TOKEN_MINTED,
    TOKEN_REVOKED,
    TOKEN_ROTATED,
    SUBJECT_TOKENS_REVOKED,
    MINT_REFUSED,
    LIST_REFUSED,
    REVOKE_REFUSED,
    ROTATE_REFUSED,
    AUTHENTICATION_DENIED,
    AUTHORIZATION_DENIED
}
