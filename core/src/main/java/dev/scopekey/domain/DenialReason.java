package dev.scopekey.domain;

/**
 * Why a request was denied. The caller sees only the HTTP-level distinction (no credential,
 * invalid request, invalid token, insufficient scope); the audit log sees the full reason.
 */
public enum DenialReason {
    /** No credential was presented (or one of another scheme). */
    NO_CREDENTIAL,
    /** The request carried more than one token or an empty one. */
    INVALID_REQUEST,
    /** The credential is not a token: bad characters or length. */
    MALFORMED,
    /** The token has the minted shape but a wrong check; no store was asked. */
    BAD_CHECKSUM,
    /** No store knows the token. */
    UNKNOWN,
    /** The token was revoked. */
    REVOKED,
    /** The token's validity has ended. */
    EXPIRED,
    /** The token is valid but lacks the required scope. */
    INSUFFICIENT_SCOPE,
    /** The token has an address allow-list, and the request came from elsewhere (or from no known address). */
    ADDRESS_NOT_ALLOWED,
    /** The token is disabled (neither revoked nor expired; it may be enabled again). */
    DISABLED,
    /** The token's own request rate limit is used up for now. */
    RATE_LIMITED;

    /**
     * Whether the caller is told {@code invalid_token}.
     *
     * @return whether this reason means the token itself is not valid
     */
    public boolean isInvalidToken() {
        return this == MALFORMED || this == BAD_CHECKSUM || this == UNKNOWN || this == REVOKED || this == EXPIRED
                || this == ADDRESS_NOT_ALLOWED || this == DISABLED;
    }
}
