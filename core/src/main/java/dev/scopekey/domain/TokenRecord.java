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

    public TokenRecord {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(source, "source");
        if (!TokenDigest.isHash(hash)) {
            throw new IllegalArgumentException("hash must be 64 lowercase hex characters");
        }
    }

    /** A fresh store record for a just-minted token. */
    public static TokenRecord minted(PlainToken token, ScopeSet scopes, String name, String subject,
                                     Instant createdAt, String createdBy, Instant expiresAt) {
        return new TokenRecord(token.prefix(), token.hash(), scopes, name, subject, createdAt, createdBy,
                expiresAt, null, null, null, TokenSource.STORE);
    }

    /** Whether the token is revoked at {@code now}. */
    public boolean isRevokedAt(Instant now) {
        return revokedAt != null && !now.isBefore(revokedAt);
    }

    /** Whether the token has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return !isRevokedAt(now) && !isExpiredAt(now);
    }

    public TokenRecord withRevoked(Instant at, String by) {
        return new TokenRecord(prefix, hash, scopes, name, subject, createdAt, createdBy, expiresAt,
                lastUsedAt, at, by, source);
    }

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
