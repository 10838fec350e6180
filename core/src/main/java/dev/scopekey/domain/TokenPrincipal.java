package dev.scopekey.domain;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a request acts as once a token was recognised: the token's prefix, scopes, name, subject,
 * source and actor label. Never holds the token. Immutable and thread-safe.
 */
public final class TokenPrincipal implements Principal {
    private final String prefix;
    private final String tokenHash;
    private final ScopeSet scopes;
    private final String tokenName;
    private final String subject;
    private final TokenSource source;
    private final String actor;
    private final Instant createdAt;
    private final Instant validUntil;
    /** This principal's grant, built once: a granted request allocates no decision. */
    final AuthDecision.Granted granted;

    private TokenPrincipal(String prefix, String tokenHash, ScopeSet scopes, String tokenName, String subject,
                           TokenSource source, String actor, Instant createdAt, Instant validUntil) {
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.tokenName = tokenName;
        this.subject = subject;
        this.source = Objects.requireNonNull(source, "source");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.createdAt = createdAt;
        this.validUntil = validUntil;
        this.granted = new AuthDecision.Granted(this);
    }

    /**
     * The principal of a stored token: built once per record instance and kept with it, so a
     * request that finds the same record pays no principal, actor label or grant.
     *
     * @param record the stored token
     * @return the principal
     */
    public static TokenPrincipal of(TokenRecord record) {
        return record.principal();
    }

    /** A new principal of {@code record}: only {@link TokenRecord} calls it, once per instance. */
    static TokenPrincipal build(TokenRecord record) {
        return new TokenPrincipal(record.prefix(), record.hash(), record.scopes(), record.name(), record.subject(),
                record.source(), ActorLabel.token(record.prefix()), record.createdAt(),
                earlier(record.expiresAt(), record.revokedAt()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * The principal of the operator's break-glass admin token.
     *
     * @param token the admin token
     * @return the principal
     */
    public static TokenPrincipal config(PlainToken token) {
        return new TokenPrincipal(token.prefix(), token.hash(), ScopeSet.root(), "config", null,
                TokenSource.CONFIG, ActorLabel.CONFIG, null, null);
    }

    /**
     * The principal of a token registered at run time.
     *
     * @param token the registered token
     * @param scopes what it grants
     * @param name a label for people
     * @return the principal
     */
    public static TokenPrincipal runtime(PlainToken token, ScopeSet scopes, String name) {
        return new TokenPrincipal(token.prefix(), token.hash(), scopes, name, null, TokenSource.RUNTIME,
                ActorLabel.token(token.prefix()), null, null);
    }

    /**
     * A principal an integrator tier recognised (a session, say). It is a {@code RUNTIME}
     * principal: it never administers tokens, whatever its scopes.
     *
     * @param actorLabel the integrator's actor label
     * @param subject who the principal acts for, or null
     * @param scopes what it grants
     * @return the principal
     */
    public static TokenPrincipal integrator(String actorLabel, String subject, ScopeSet scopes) {
        return new TokenPrincipal(null, null, scopes, null, subject, TokenSource.RUNTIME,
                ActorLabel.custom(actorLabel), null, null);
    }

    /**
     * Root: {@code *} from a {@code STORE} or {@code CONFIG} token. Only root administers tokens.
     *
     * @return whether this principal is root
     */
    public boolean isRoot() {
        return scopes.isRoot() && source != TokenSource.RUNTIME;
    }

    /**
     * Whether this principal holds a scope that grants {@code required} (fails closed).
     *
     * @param required the scope a route needs
     * @return whether it is granted
     */
    public boolean hasScope(String required) {
        return scopes.grants(required);
    }

    /**
     * Whether this principal was authenticated by exactly the token of {@code record}.
     *
     * @param record a stored token
     * @return whether it is this principal's token
     */
    public boolean isToken(TokenRecord record) {
        return tokenHash != null && record != null && tokenHash.equals(record.hash());
    }

    /** The subject if the token names one, else the actor label. */
    @Override
    public String getName() {
        return subject != null ? subject : actor;
    }

    /**
     * Display prefix of the token, or null for integrator principals.
     *
     * @return the prefix, or null
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The scopes this principal holds.
     *
     * @return the scopes
     */
    public ScopeSet scopes() {
        return scopes;
    }

    /**
     * The token's name, or null.
     *
     * @return the name, or null
     */
    public String tokenName() {
        return tokenName;
    }

    /**
     * The subject the token acts for, or null.
     *
     * @return the subject, or null
     */
    public String subject() {
        return subject;
    }

    /**
     * Where the token comes from: a store, the configuration, or the running process.
     *
     * @return the source
     */
    public TokenSource source() {
        return source;
    }

    /**
     * The audit actor label: {@code token:<prefix>}, {@code config}, or an integrator's label.
     *
     * @return the actor label
     */
    public String actor() {
        return actor;
    }

    /**
     * When the stored token was minted, or null for a token that is not stored (the break-glass
     * token, a runtime token, an integrator's principal) or a stored line that names no time.
     *
     * @return the creation time, or null
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * When the stored token stops being accepted: its expiry, or the retirement a rotation with a
     * grace period scheduled, whichever comes first; null when neither is set or the token is
     * not stored. What a cache of this principal must not outlive.
     *
     * @return the end of validity, or null
     */
    public Instant validUntil() {
        return validUntil;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TokenPrincipal)) {
            return false;
        }
        TokenPrincipal other = (TokenPrincipal) o;
        return Objects.equals(prefix, other.prefix) && Objects.equals(tokenHash, other.tokenHash)
                && scopes.equals(other.scopes) && source == other.source && actor.equals(other.actor)
                && Objects.equals(subject, other.subject);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, actor, source);
    }

    @Override
    public String toString() {
        return "TokenPrincipal[actor=" + actor + ", subject=" + subject + ", scopes=" + scopes
                + ", source=" + source + "]";
    }
}
