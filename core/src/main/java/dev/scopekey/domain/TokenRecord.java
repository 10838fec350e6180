package dev.scopekey.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps about one token: its display prefix and SHA-256, never its plaintext.
 * Immutable and thread-safe; equal when every field is equal. {@link #toString()} leaves out the hash.
 *
 * <p>Build one with {@link #builder(String, String, ScopeSet)} (the required parts up front),
 * {@link #minted minted(…)} for a just-minted token or {@link #legacy(PlainToken)} for a legacy
 * token-file line; derive a changed copy with {@link #toBuilder()}.
 */
public final class TokenRecord {

    private final String prefix;
    private final String hash;
    private final ScopeSet scopes;
    private final String name;
    private final String subject;
    private final Instant createdAt;
    private final String createdBy;
    private final Instant expiresAt;
    private final Instant lastUsedAt;
    private final Instant revokedAt;
    private final String revokedBy;
    private final TokenSource source;
    private final AddressList allowedAddresses;
    private final RequestRate rateLimit;
    private final boolean disabled;
    /** Whether any restriction is set: the request path's one check for a token without any. */
    private final boolean restricted;
    /**
     * This record's principal, built on first use and kept with it (both are immutable, so two
     * threads racing build equal principals and either may win); not part of equality or text.
     */
    private TokenPrincipal principal;

    private TokenRecord(Builder b) {
        this.prefix = Objects.requireNonNull(b.prefix, "prefix");
        this.hash = Objects.requireNonNull(b.hash, "hash");
        this.scopes = Objects.requireNonNull(b.scopes, "scopes");
        this.source = Objects.requireNonNull(b.source, "source");
        if (!TokenDigest.isHash(hash)) {
            throw new IllegalArgumentException("hash must be 64 lowercase hex characters");
        }
        this.name = b.name;
        this.subject = b.subject;
        this.createdAt = b.createdAt;
        this.createdBy = b.createdBy;
        this.expiresAt = b.expiresAt;
        this.lastUsedAt = b.lastUsedAt;
        this.revokedAt = b.revokedAt;
        this.revokedBy = b.revokedBy;
        this.allowedAddresses = b.allowedAddresses;
        this.rateLimit = b.rateLimit;
        this.disabled = b.disabled;
        this.restricted = allowedAddresses != null || rateLimit != null || disabled;
    }

    /**
     * A builder for a record of source {@link TokenSource#STORE} with no optional field set.
     *
     * @param prefix display prefix ({@code sk_…} or a legacy token's first characters)
     * @param hash hex SHA-256 of the token (64 lowercase hex characters, checked at {@link Builder#build()})
     * @param scopes granted scopes
     * @return the builder
     */
    public static Builder builder(String prefix, String hash, ScopeSet scopes) {
        return new Builder(prefix, hash, scopes);
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
     * @param expiresAt end of validity, or null for none
     * @return the record
     */
    public static TokenRecord minted(PlainToken token, ScopeSet scopes, String name, String subject,
                                     Instant createdAt, String createdBy, Instant expiresAt) {
        return builder(token.prefix(), token.hash(), scopes).name(name).subject(subject).createdAt(createdAt)
                .createdBy(createdBy).expiresAt(expiresAt).build();
    }

    /**
     * What a legacy token-file line (the token alone) means: a store token granting {@code *},
     * with nothing else known about it.
     *
     * @param token the legacy token
     * @return the record
     */
    public static TokenRecord legacy(PlainToken token) {
        return builder(token.prefix(), token.hash(), ScopeSet.root()).build();
    }

    /**
     * A builder holding every field of this record, to derive a changed copy.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(prefix, hash, scopes).name(name).subject(subject).createdAt(createdAt)
                .createdBy(createdBy).expiresAt(expiresAt).lastUsedAt(lastUsedAt).revokedAt(revokedAt)
                .revokedBy(revokedBy).source(source).allowedAddresses(allowedAddresses).rateLimit(rateLimit)
                .disabled(disabled);
    }

    /** @return display prefix ({@code sk_…} or a legacy token's first characters) */
    public String prefix() {
        return prefix;
    }

    /** @return hex SHA-256 of the token */
    public String hash() {
        return hash;
    }

    /** @return granted scopes */
    public ScopeSet scopes() {
        return scopes;
    }

    /** @return optional label for people, or null */
    public String name() {
        return name;
    }

    /** @return optional subject the token acts for, or null */
    public String subject() {
        return subject;
    }

    /** @return when minted, or null when unknown (legacy lines) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return actor label of the minter, or null */
    public String createdBy() {
        return createdBy;
    }

    /** @return end of validity, or null for none */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return last successful authentication as last flushed, or null */
    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** @return when revoked (may lie in the future during a rotation grace period), or null */
    public Instant revokedAt() {
        return revokedAt;
    }

    /** @return actor label of the revoker, or null */
    public String revokedBy() {
        return revokedBy;
    }

    /** @return where the token comes from */
    public TokenSource source() {
        return source;
    }

    /** @return the addresses and ranges the token may be used from, or null for any address */
    public AddressList allowedAddresses() {
        return allowedAddresses;
    }

    /** @return the token's own request rate limit (per service instance), or null for none */
    public RequestRate rateLimit() {
        return rateLimit;
    }

    /** @return whether the token is disabled: denied until enabled again, yet neither revoked nor expired */
    public boolean disabled() {
        return disabled;
    }

    /**
     * Whether any per-token restriction is set: an address allow-list, a rate limit, or disabled.
     *
     * @return whether a request must check the token's restrictions
     */
    public boolean isRestricted() {
        return restricted;
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
     * Whether the token was revoked or expired strictly before {@code cutoff}: what pruning
     * removes ({@code TokenStore.prune}).
     *
     * @param cutoff the instant
     * @return whether the token ended before it
     */
    public boolean endedBefore(Instant cutoff) {
        return (revokedAt != null && revokedAt.isBefore(cutoff)) || (expiresAt != null && expiresAt.isBefore(cutoff));
    }

    /**
     * The same record, revoked.
     *
     * @param at when it is revoked (may lie in the future)
     * @param by actor label of the revoker
     * @return the new record
     */
    public TokenRecord withRevoked(Instant at, String by) {
        return toBuilder().revokedAt(at).revokedBy(by).build();
    }

    /**
     * The same record, last used at an instant.
     *
     * @param at the last successful authentication
     * @return the new record
     */
    public TokenRecord withLastUsedAt(Instant at) {
        return toBuilder().lastUsedAt(at).build();
    }

    /** The principal of this record, built once per record instance (see {@link TokenPrincipal#of}). */
    TokenPrincipal principal() {
        TokenPrincipal built = principal;
        if (built == null) {
            built = TokenPrincipal.build(this);
            principal = built;
        }
        return built;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TokenRecord r
                && prefix.equals(r.prefix) && hash.equals(r.hash) && scopes.equals(r.scopes)
                && Objects.equals(name, r.name) && Objects.equals(subject, r.subject)
                && Objects.equals(createdAt, r.createdAt) && Objects.equals(createdBy, r.createdBy)
                && Objects.equals(expiresAt, r.expiresAt) && Objects.equals(lastUsedAt, r.lastUsedAt)
                && Objects.equals(revokedAt, r.revokedAt) && Objects.equals(revokedBy, r.revokedBy)
                && source == r.source && Objects.equals(allowedAddresses, r.allowedAddresses)
                && Objects.equals(rateLimit, r.rateLimit) && disabled == r.disabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, hash, scopes, name, subject, createdAt, createdBy, expiresAt, lastUsedAt,
                revokedAt, revokedBy, source, allowedAddresses, rateLimit, disabled);
    }

    @Override
    public String toString() {
        return "TokenRecord[prefix=" + prefix + ", scopes=" + scopes + ", name=" + name + ", subject=" + subject
                + ", createdAt=" + createdAt + ", createdBy=" + createdBy + ", expiresAt=" + expiresAt
                + ", lastUsedAt=" + lastUsedAt + ", revokedAt=" + revokedAt + ", revokedBy=" + revokedBy
                + ", source=" + source + (allowedAddresses == null ? "" : ", allowedAddresses=" + allowedAddresses)
                + (rateLimit == null ? "" : ", rateLimit=" + rateLimit) + (disabled ? ", disabled" : "") + "]";
    }

    /**
     * Collects the fields of a {@link TokenRecord}; not thread-safe. Optional fields left unset are
     * null, the source is {@link TokenSource#STORE} unless set.
     */
    public static final class Builder {

        private String prefix;
        private String hash;
        private ScopeSet scopes;
        private String name;
        private String subject;
        private Instant createdAt;
        private String createdBy;
        private Instant expiresAt;
        private Instant lastUsedAt;
        private Instant revokedAt;
        private String revokedBy;
        private TokenSource source = TokenSource.STORE;
        private AddressList allowedAddresses;
        private RequestRate rateLimit;
        private boolean disabled;

        private Builder(String prefix, String hash, ScopeSet scopes) {
            this.prefix = prefix;
            this.hash = hash;
            this.scopes = scopes;
        }

        /**
         * Sets the display prefix.
         *
         * @param value display prefix
         * @return this builder
         */
        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        /**
         * Sets the hash.
         *
         * @param value hex SHA-256 of the token
         * @return this builder
         */
        public Builder hash(String value) {
            this.hash = value;
            return this;
        }

        /**
         * Sets the granted scopes.
         *
         * @param value granted scopes
         * @return this builder
         */
        public Builder scopes(ScopeSet value) {
            this.scopes = value;
            return this;
        }

        /**
         * Sets the label for people.
         *
         * @param value the label, or null
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the subject the token acts for.
         *
         * @param value the subject, or null
         * @return this builder
         */
        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        /**
         * Sets when the token was minted.
         *
         * @param value the instant, or null when unknown
         * @return this builder
         */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /**
         * Sets the minter's actor label.
         *
         * @param value the actor label, or null
         * @return this builder
         */
        public Builder createdBy(String value) {
            this.createdBy = value;
            return this;
        }

        /**
         * Sets the end of validity.
         *
         * @param value the instant, or null for none
         * @return this builder
         */
        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /**
         * Sets the last successful authentication.
         *
         * @param value the instant, or null
         * @return this builder
         */
        public Builder lastUsedAt(Instant value) {
            this.lastUsedAt = value;
            return this;
        }

        /**
         * Sets when the token is revoked.
         *
         * @param value the instant (may lie in the future), or null
         * @return this builder
         */
        public Builder revokedAt(Instant value) {
            this.revokedAt = value;
            return this;
        }

        /**
         * Sets the revoker's actor label.
         *
         * @param value the actor label, or null
         * @return this builder
         */
        public Builder revokedBy(String value) {
            this.revokedBy = value;
            return this;
        }

        /**
         * Sets where the token comes from.
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(TokenSource value) {
            this.source = value;
            return this;
        }

        /**
         * Sets the addresses the token may be used from.
         *
         * @param value the allow-list, or null for any address
         * @return this builder
         */
        public Builder allowedAddresses(AddressList value) {
            this.allowedAddresses = value;
            return this;
        }

        /**
         * Sets the token's own request rate limit.
         *
         * @param value the rate, or null for none
         * @return this builder
         */
        public Builder rateLimit(RequestRate value) {
            this.rateLimit = value;
            return this;
        }

        /**
         * Sets whether the token is disabled.
         *
         * @param value whether it is
         * @return this builder
         */
        public Builder disabled(boolean value) {
            this.disabled = value;
            return this;
        }

        /**
         * The record.
         *
         * @return a new immutable record
         * @throws NullPointerException if prefix, hash, scopes or source is null
         * @throws IllegalArgumentException if the hash is not 64 lowercase hex characters
         */
        public TokenRecord build() {
            return new TokenRecord(this);
        }
    }
}
