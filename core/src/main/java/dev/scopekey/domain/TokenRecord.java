package dev.scopekey.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps about one token: its display prefix and SHA-256, never its plaintext.
 * Immutable. {@link #toString()} leaves out the hash.
 *
 * @param prefix display prefix ({@code sk_…} or a legacy token's first characters)
 * @param hash hex SHA-256 of the token
 * @param scopes granted scopes
 * @param name optional label, at most 100 characters
 * @param subject optional subject the token acts for
 * @param createdAt when minted, or null when unknown (legacy lines)
 * @param createdBy actor label of the minter, or null
 * @param expiresAt end of validity, or null for none
 * @param lastUsedAt last successful authentication as last flushed, or null
 * @param revokedAt when revoked (may lie in the future during a rotation grace period), or null
 * @param revokedBy actor label of the revoker, or null
 * @param source where the token comes from
 */
public record TokenRecord(
        String prefix,
        String hash,
        ScopeSet scopes,
        String name,
        String subject,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy,
        TokenSource source) {

    /**
     * Checks the required fields and the name's length.
     *
     * @param prefix display prefix
     * @param hash hex SHA-256 of the token
     * @param scopes granted scopes
     * @param name optional label
     * @param subject optional subject
     * @param createdAt when minted, or null
     * @param createdBy actor label of the minter, or null
     * @param expiresAt end of validity, or null
     * @param lastUsedAt last successful authentication, or null
     * @param revokedAt when revoked, or null
     * @param revokedBy actor label of the revoker, or null
     * @param source where the token comes from
     */
    public TokenRecord {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(source, "source");
        if (!TokenDigest.isHash(hash)) {
            throw new IllegalArgumentException("hash must be 64 lowercase hex characters");
        }
    }

    /**
     * A fresh store record for a just-minted token.
     *
     * @param token the new token
     * @param scopes what it grants
     * @param name a label for people, or null
     * @param subject who it acts for, or null
     * @param createdAt when it was minted
     * @param createdBy actor label of the minter
     * @param expiresAt end of validity, or null
     * @return the record
     */
    public static TokenRecord minted(PlainToken token, ScopeSet scopes, String name, String subject,
                                     Instant createdAt, String createdBy, Instant expiresAt) {
        return new TokenRecord(token.prefix(), token.hash(), scopes, name, subject, createdAt, createdBy,
                expiresAt, null, null, null, TokenSource.STORE);
    }

    /**
     * Whether the token is revoked at {@code now}.
     *
     * @param now the instant
     * @return whether the token is revoked at it
     */
    public boolean isRevokedAt(Instant now) {
        return revokedAt != null && !now.isBefore(revokedAt);
    }

    /**
     * Whether the token has expired at {@code now}.
     *
     * @param now the instant
     * @return whether the token is expired at it
     */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * Neither revoked nor expired at {@code now}.
     *
     * @param now the instant
     * @return whether the token is neither revoked nor expired at it
     */
    public boolean isLiveAt(Instant now) {
        return !isRevokedAt(now) && !isExpiredAt(now);
    }

    /**
     * The same record, revoked.
     *
     * @param at when it is revoked (may lie in the future)
     * @param by actor label of the revoker
     * @return the new record
     */
    public TokenRecord withRevoked(Instant at, String by) {
        return new TokenRecord(prefix, hash, scopes, name, subject, createdAt, createdBy, expiresAt,
                lastUsedAt, at, by, source);
    }

    /**
     * The same record, last used at an instant.
     *
     * @param at the last successful authentication
     * @return the new record
     */
    public TokenRecord withLastUsedAt(Instant at) {
        return new TokenRecord(prefix, hash, scopes, name, subject, createdAt, createdBy, expiresAt,
                at, revokedAt, revokedBy, source);
    }

    @Override
    public String toString() {
        return "TokenRecord[prefix=" + prefix + ", scopes=" + scopes + ", name=" + name + ", subject=" + subject
                + ", createdAt=" + createdAt + ", createdBy=" + createdBy + ", expiresAt=" + expiresAt
                + ", lastUsedAt=" + lastUsedAt + ", revokedAt=" + revokedAt + ", revokedBy=" + revokedBy
                + ", source=" + source + "]";
    }
}
