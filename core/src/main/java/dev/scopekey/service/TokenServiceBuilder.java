package dev.scopekey.service;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.Authenticator;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.port.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link TokenService}. Not thread-safe; the service it builds is.
 * An audit sink is required (the SLF4J one is {@code new dev.scopekey.audit.Slf4jAuditSink()});
 * the rest defaults to: UTC system clock, brand {@code sk}, 10 mints per hour per client, last-use
 * flush every 60 seconds, no admin token, no integrator tiers, no metrics, and no lifetime policy
 * (a token lives as long as its mint asks, forever when it asks nothing: docs/policies.md).
 */
public final class TokenServiceBuilder {
    /** How often last-use times are written unless configured otherwise. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(60);

    final TokenStore store;
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    TokenFormat format = TokenFormat.standard();
    AuditSink audit;
    int mintPermits = 10;
    Duration mintPeriod = Duration.ofHours(1);
    Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    PlainToken configToken;
    final List<Authenticator<String>> integrators = new ArrayList<>();
    ServiceMetrics metrics = ServiceMetrics.NONE;
    Duration defaultLifetime;
    Duration maxLifetime;
    Boolean allowNeverExpires;
    Duration pruneEvery;
    Duration expiryNotice;
    boolean selfService;
    int maxTokensPerSubject;
    Duration pruneOlderThan;

    TokenServiceBuilder(TokenStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The clock for expiry, rate limits and audit times (default: the system UTC clock).
     *
     * @param value the clock
     * @return this builder
     */
    public TokenServiceBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * The source of token secrets (default: a new {@code SecureRandom}).
     *
     * @param value the random source
     * @return this builder
     */
    public TokenServiceBuilder random(SecureRandom value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /**
     * The brand minted tokens start with, {@code [a-z][a-z0-9]{1,15}}.
     *
     * @param value the brand
     * @return this builder
     */
    public TokenServiceBuilder brand(String value) {
        this.format = TokenFormat.withBrand(value);
        return this;
    }

    /**
     * Where audit events go; required (the SLF4J one is {@code new dev.scopekey.audit.Slf4jAuditSink()}).
     *
     * @param value the audit sink
     * @return this builder
     */
    public TokenServiceBuilder audit(AuditSink value) {
        this.audit = Objects.requireNonNull(value, "audit");
        return this;
    }

    /**
     * At most {@code permits} mint requests per {@code period} per client address.
     *
     * @param permits mints allowed per period
     * @param period the period
     * @return this builder
     */
    public TokenServiceBuilder mintRate(int permits, Duration period) {
        this.mintPermits = permits;
        this.mintPeriod = Objects.requireNonNull(period, "period");
        return this;
    }

    /**
     * How often last-use times are written; null writes only on {@link TokenService#flushLastUsed()} and close.
     *
     * @param value the interval
     * @return this builder
     */
    public TokenServiceBuilder lastUsedFlushInterval(Duration value) {
        this.flushInterval = value;
        return this;
    }

    /**
     * The break-glass admin token ({@code CONFIG} source, root). Null or blank means none.
     * {@link #build()} refuses a weak one: shorter than 32 characters, with fewer than 10 distinct
     * characters, or with an estimated entropy under 96 bits (docs/policies.md).
     *
     * @param token the plaintext admin token
     * @return this builder
     * @throws IllegalArgumentException if the token is not printable ASCII
     */
    public TokenServiceBuilder adminToken(String token) {
        this.configToken = token == null || token.isBlank() ? null : PlainToken.of(token.strip());
        return this;
    }

    /**
     * An integrator's tier, asked after the admin token and the store, in the order added.
     *
     * @param tier an authenticator asked after the store
     * @return this builder
     */
    public TokenServiceBuilder authenticator(Authenticator<String> tier) {
        this.integrators.add(Objects.requireNonNull(tier, "tier"));
        return this;
    }

    /**
     * Who hears each decision, administration outcome and last-use flush, to count them (default
     * {@link ServiceMetrics#NONE}: nothing is counted or timed, and the request path does no more
     * than without metrics). A listener that throws never changes an answer.
     *
     * @param value the listener, e.g. {@code dev.scopekey.micrometer.ScopeKeyMetrics}
     * @return this builder
     */
    public TokenServiceBuilder metrics(ServiceMetrics value) {
        this.metrics = Objects.requireNonNull(value, "metrics");
        return this;
    }

    /**
     * The lifetime of a token whose mint asks for none (default: none, so such a token never
     * expires unless never-expiring tokens are refused).
     *
     * @param value a positive lifetime of at most {@code DurationText.LONGEST}, or null for none
     * @return this builder
     */
    public TokenServiceBuilder defaultLifetime(Duration value) {
        this.defaultLifetime = value;
        return this;
    }

    /**
     * The longest lifetime a mint may ask for; a longer one is refused with a message that names
     * it, and a rotation's successor never outlives it (default: none). Setting one also refuses
     * tokens that never expire, unless {@link #allowNeverExpires} says otherwise.
     *
     * @param value a positive lifetime of at most {@code DurationText.LONGEST}, or null for none
     * @return this builder
     */
    public TokenServiceBuilder maxLifetime(Duration value) {
        this.maxLifetime = value;
        return this;
    }

    /**
     * Whether a token may never expire: minted with {@link MintRequest#NEVER}, or with no lifetime
     * where there is no default (default: allowed exactly when there is no {@link #maxLifetime}).
     *
     * @param value whether tokens that never expire may be minted
     * @return this builder
     */
    public TokenServiceBuilder allowNeverExpires(boolean value) {
        this.allowNeverExpires = value;
        return this;
    }

    /**
     * Prunes on a schedule: every {@code every}, on a daemon thread that {@link TokenService#close()}
     * stops, removes the tokens revoked or expired more than {@code olderThan} ago, as
     * {@link TokenService#prune} does, audited with the actor {@code scheduler} (default: never).
     * A prune that fails is reported to the audit sink's {@code healthChanged} and tried again at
     * the next run.
     *
     * @param every how often, positive; null switches scheduled pruning off
     * @param olderThan how long ago a token must have ended, zero or more
     * @return this builder
     */
    public TokenServiceBuilder pruneEvery(Duration every, Duration olderThan) {
        this.pruneEvery = every;
        this.pruneOlderThan = every == null ? null : Objects.requireNonNull(olderThan, "olderThan");
        return this;
    }

    /**
     * Audits {@code token_expiring} the first time a store token is used within {@code window}
     * of its expiry, at most once per token per service instance (default: never). A token used
     * on two instances is noticed on each.
     *
     * @param window how close to its expiry a use is noticed, positive; null for no notice
     * @return this builder
     */
    public TokenServiceBuilder expiryNotice(Duration window) {
        if (window != null && (window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("the expiry notice needs a positive window");
        }
        this.expiryNotice = window;
        return this;
    }

    /**
     * Self-service by subject (default: off). When on, a non-root store token that names a
     * subject may list that subject's tokens, revoke them (not itself: only {@link TokenService#logout}
     * revokes the presented token), revoke all of them but itself, and mint tokens for that subject
     * whose every scope one of its own scopes grants (never {@code *}, never {@code auth:tokens…})
     * and which expire no later than itself.
     * It also opens {@link TokenService#logout}. Root keeps every right it has.
     *
     * @param value whether tokens manage their own subject's tokens
     * @return this builder
     */
    public TokenServiceBuilder selfService(boolean value) {
        this.selfService = value;
        return this;
    }

    /**
     * At most {@code value} live tokens per subject: a mint for a subject that has as many is
     * refused as a conflict (HTTP 409), whoever asks; rotation is not counted (default: 0, no limit).
     *
     * @param value the most live tokens a subject may have, or 0 for no limit
     * @return this builder
     */
    public TokenServiceBuilder maxTokensPerSubject(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("the per-subject limit is 0 (none) or more");
        }
        this.maxTokensPerSubject = value;
        return this;
    }

    /**
     * @return the service
     * @throws IllegalStateException if no audit sink was given
     * @throws IllegalArgumentException if the mint rate or a lifetime is out of range, the default
     *     lifetime exceeds the maximum, or the admin token is weak (the message never holds it)
     */
    public TokenService build() {
        if (audit == null) {
            throw new IllegalStateException("an audit sink is required: audit(new Slf4jAuditSink()) logs to "
                    + "dev.scopekey.audit; AuditSink.discarding() drops events");
        }
        if (mintPermits < 1 || mintPeriod.isZero() || mintPeriod.isNegative()) {
            throw new IllegalArgumentException("a mint rate needs at least one permit per positive period");
        }
        lifetimes();
        if (pruneEvery != null && (pruneEvery.isZero() || pruneEvery.isNegative() || pruneOlderThan.isNegative())) {
            throw new IllegalArgumentException("scheduled pruning needs a positive period and an age of zero or more");
        }
        String weakness = configToken == null ? null : AdminTokenStrength.problem(configToken.reveal());
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        return new TokenService(this);
    }

    /** The lifetime policy configured, checked. */
    LifetimePolicy lifetimes() {
        return LifetimePolicy.of(defaultLifetime, maxLifetime, allowNeverExpires);
    }
}
