package dev.scopekey.service;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application: mints, lists, revokes and rotates tokens, and authenticates and authorizes
 * requests, under the rules of who may do what. Thread-safe; build one per store with
 * {@link dev.scopekey.ScopeKey#tokens ScopeKey.tokens(store)} and {@link #close()} it on shutdown
 * to flush last-use times.
 *
 * <p>A request path uses the verifier's three calls, each taking the previous step's typed
 * result: {@link #authenticate}, {@link #authorize} with a scope parsed once at configuration, and
 * {@link #deny} for a request refused before any token was checked. Administration names its
 * {@link Caller}, and the service decides every rule itself, also for a request an adapter could
 * not read ({@link #refuseMint}, {@link #refuseRotate}).
 *
 * <p>Administrative calls return an {@link Outcome}: refusals are values (with an audit event),
 * while a store that cannot persist throws {@code TokenStoreException} and changes nothing.
 * Authentication never throws: a failing store yields {@link AuthDecision.Unavailable}, with
 * the cause. A store, credential tier, audit sink, last-use flush or metrics listener that starts
 * failing is reported to the audit sink's {@code healthChanged} once, and once more when it works
 * again; {@link #health()} tells how each part is now.
 *
 * <p>With a {@link dev.scopekey.port.ServiceMetrics} listener
 * ({@link TokenServiceBuilder#metrics}) each decision, administration outcome and last-use flush is
 * counted, and {@link #storeStatistics()} lets the same metrics poll the store.
 */
public final class TokenService implements AutoCloseable {
    private final TokenStore store;
    private final Clock clock;
    private final TokenFormat format;
    private final Auditor audit;
    private final LastUseRecorder lastUse;
    private final Authentication authentication;
    private final TokenAdministration administration;
    private final ScheduledExecutorService flusher;
    private final Pruning pruning;
    private final ScheduledExecutorService pruner;
    /** Null without an expiry notice: the request path's one check. */
    private final ExpiryNotice expiryNotice;
    private final HealthMonitor health;
    /** Null without a metrics listener: the request path's one check. */
    private final MetricsReporter metrics;

    TokenService(TokenServiceBuilder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.format = builder.format;
        this.health = new HealthMonitor(builder.audit, builder.clock);
        MetricsReporter reporter = new MetricsReporter(builder.metrics, health);
        this.metrics = reporter.onRequestPath();
        this.audit = new Auditor(builder.audit, builder.clock, health);
        this.lastUse = new LastUseRecorder(builder.store, builder.clock, health, reporter);
        this.authentication = new Authentication(builder.store, builder.clock, lastUse, health, reporter,
                builder.configToken, builder.integrators);
        this.administration = new TokenAdministration(builder, audit, lastUse, reporter);
        this.flusher = builder.flushInterval == null ? null : startFlusher(builder.flushInterval);
        this.pruning = new Pruning(builder.store, builder.clock, audit);
        this.expiryNotice = builder.expiryNotice == null ? null
                : new ExpiryNotice(builder.expiryNotice, builder.clock, audit);
        this.pruner = builder.pruneEvery == null ? null
                : startPruner(builder.pruneEvery, builder.pruneOlderThan);
    }

    /**
     * Starts building a service over {@code store}; applications start at
     * {@link dev.scopekey.ScopeKey#tokens}, which hands over to this.
     *
     * @param store where tokens are kept
     * @return a builder with the defaults
     */
    public static TokenServiceBuilder builder(TokenStore store) {
        return new TokenServiceBuilder(store);
    }

    // --- requests -------------------------------------------------------------------------

    /**
     * Who the bearer {@code token} is, auditing a denial once with its reason and the request's
     * client, method and path; a missing token is a denial too. A token with an address allow-list
     * is denied ({@link DenialReason#ADDRESS_NOT_ALLOWED}) unless the request's client address is in
     * it, a disabled one is denied ({@link DenialReason#DISABLED}), both as an invalid token; one
     * over its own rate limit is denied {@link DenialReason#RATE_LIMITED} with the wait, counted per
     * service instance.
     *
     * @param token the bearer token as sent, or null
     * @param request where the request came from and what it asked for
     * @return granted with the principal, denied with the reason, or unavailable
     */
    public AuthDecision authenticate(String token, ClientRequest request) {
        AuthDecision decision;
        if (metrics == null) {
            decision = authentication.authenticate(token, request.clientAddress(), true);
        } else {
            long start = System.nanoTime();
            decision = authentication.authenticate(token, request.clientAddress(), true);
            metrics.authenticated(decision, System.nanoTime() - start);
        }
        if (decision instanceof AuthDecision.Denied) {
            DenialReason reason = ((AuthDecision.Denied) decision).reason();
            auditDenial(reason, deniedTarget(token, reason), request);
        } else if (expiryNotice != null && decision instanceof AuthDecision.Granted) {
            expiryNotice.used(((AuthDecision.Granted) decision).principal(), request);
        }
        return decision;
    }

    /**
     * Who the bearer {@code token} is, for a caller that asks on a token holder's behalf (RFC 7662
     * token introspection): the same decision as {@link #authenticate}, and, like it, a use of the
     * token for its last-use time (a resource server introspects the token it was just sent). A
     * denial is not audited: the token did not try to reach anything here; the adapter
     * authenticates and audits the introspecting caller with {@link #authenticate}, {@link #authorize}
     * and {@link #deny}. A disabled token is inactive; the address allow-list and the rate limit
     * apply to the holder's own requests, not to this one.
     *
     * @param token the token to introspect, as sent, or null
     * @return granted with the token's principal, denied with the reason, or unavailable
     */
    public AuthDecision introspect(String token) {
        return authentication.authenticate(token, null, false);
    }

    /**
     * Denies a request an adapter refused before any token could be checked (two tokens, an empty
     * one, one outside the bearer syntax or too long) and audits it like any other denial: once,
     * with the reason and the request, never with what was sent. A request without a credential
     * is a denial too ({@link DenialReason#NO_CREDENTIAL}).
     *
     * @param reason why the adapter refused the request
     * @param request where the request came from and what it asked for
     * @return the denial to answer with
     * @throws IllegalArgumentException for {@link DenialReason#INSUFFICIENT_SCOPE}, which needs a principal
     */
    public AuthDecision.Denied deny(DenialReason reason, ClientRequest request) {
        if (reason == DenialReason.INSUFFICIENT_SCOPE) {
            throw new IllegalArgumentException("an insufficient scope is decided by authorize");
        }
        if (metrics != null) {
            metrics.denied(reason);
        }
        auditDenial(reason, null, request);
        return AuthDecision.Denied.because(reason);
    }

    private void auditDenial(DenialReason reason, String target, ClientRequest request) {
        audit.denied(AuditEventType.AUTHENTICATION_DENIED, ActorLabel.ANONYMOUS, target, reason, request, null);
    }

    /**
     * The display prefix an audit event may name for a denied token: only a well-formed token
     * with a valid check has one; arbitrary strings are never logged, not even in part. The shape
     * is checked once.
     */
    private static String deniedTarget(String token, DenialReason reason) {
        boolean shapeFailed = reason == DenialReason.MALFORMED || reason == DenialReason.BAD_CHECKSUM;
        return shapeFailed ? null : TokenFormat.displayPrefix(token).orElse(null);
    }

    /**
     * Checks that an authenticated principal holds {@code requiredScope} (null or a wildcard fails
     * closed), auditing a denial once with the scope and the request's client, method and path.
     * A scope is parsed once, where the route is configured, never per request.
     *
     * @param principal who authenticated
     * @param requiredScope the scope the route needs, or null (which fails closed)
     * @param request where the request came from and what it asked for
     * @return granted, or denied for the missing scope
     */
    public AuthDecision authorize(TokenPrincipal principal, Scope requiredScope, ClientRequest request) {
        if (principal.scopes().grants(requiredScope)) {
            return AuthDecision.Granted.of(principal);
        }
        if (metrics != null) {
            metrics.denied(DenialReason.INSUFFICIENT_SCOPE);
        }
        String asWritten = requiredScope == null ? null : requiredScope.value();
        audit.denied(AuditEventType.AUTHORIZATION_DENIED, principal.actor(), principal.prefix(),
                DenialReason.INSUFFICIENT_SCOPE, request, asWritten);
        return new AuthDecision.Denied(DenialReason.INSUFFICIENT_SCOPE, principal, asWritten);
    }

    /**
     * Registers a token in process memory ({@code RUNTIME}): it grants its scopes until
     * {@link #unregisterRuntimeToken} or the end of the process, and never administers tokens.
     *
     * @param token the plaintext token
     * @param scopes what it grants
     * @param name a label for people
     * @return the registered token
     * @throws IllegalArgumentException if the token is not printable ASCII
     */
    public PlainToken registerRuntimeToken(String token, ScopeSet scopes, String name) {
        return authentication.register(token, scopes, name);
    }

    /**
     * Forgets a token registered with {@link #registerRuntimeToken}.
     *
     * @param token the plaintext token
     * @return whether it was registered
     */
    public boolean unregisterRuntimeToken(String token) {
        return authentication.unregister(token);
    }

    // --- administration -------------------------------------------------------------------

    /**
     * Mints a token; the plaintext is in the result and nowhere else.
     *
     * @param caller who asks
     * @param request scopes, name, subject and lifetime
     * @return the minted token, or a refusal
     */
    public Outcome<MintedToken> mint(Caller caller, MintRequest request) {
        return administration.mint(caller, request);
    }

    /**
     * A page of tokens (live ones unless the query asks otherwise), never with a secret.
     *
     * @param caller who asks
     * @param query which tokens, from where, how many
     * @return one page of tokens, or a refusal
     */
    public Outcome<TokenPage> list(Caller caller, TokenQuery query) {
        return administration.list(caller, query);
    }

    /**
     * A page of the tokens live now by this service's clock (neither revoked nor expired), never
     * with a secret; the query's own {@code liveAt} is replaced, so an adapter needs no clock.
     *
     * @param caller who asks
     * @param query which tokens, from where, how many
     * @return one page of live tokens, or a refusal
     */
    public Outcome<TokenPage> listLive(Caller caller, TokenQuery query) {
        return administration.list(caller, query.liveAt(clock.instant()));
    }

    /**
     * A page of the tokens live now that expire within {@code within} from now, as
     * {@link #listLive} lists them, never with a secret. The filter applies to the page the store
     * returned, so a page may hold fewer tokens than its limit; its cursor still leads to the next.
     *
     * @param caller who asks
     * @param query which tokens, from where, how many
     * @param within how soon they expire
     * @return one page of live tokens expiring within that time, or a refusal
     */
    public Outcome<TokenPage> listExpiring(Caller caller, TokenQuery query, Duration within) {
        Instant now = clock.instant();
        Outcome<TokenPage> page = administration.list(caller, query.liveAt(now));
        if (!page.isDone()) {
            return page;
        }
        Instant until = now.plus(within);
        List<TokenRecord> expiring = new ArrayList<>();
        for (TokenRecord record : page.value().records()) {
            if (record.expiresAt() != null && !record.expiresAt().isAfter(until)) {
                expiring.add(record);
            }
        }
        return Outcome.done(new TokenPage(expiring, page.value().nextAfter()));
    }

    /**
     * Refuses a mint request an adapter could not read (a malformed body, say), after counting it
     * against the mint rate limit like every other mint request, accepted or not, and audits it.
     *
     * @param caller who asks
     * @param problem what is wrong with the request, for people; never the request itself
     * @return the refusal: rate limited, forbidden for a caller who may not mint, else invalid
     *     with {@code problem}
     */
    public Refusal refuseMint(Caller caller, String problem) {
        return administration.refuseMint(caller, problem);
    }

    /**
     * Revokes the one live token with this display prefix, at once.
     *
     * @param caller who asks
     * @param prefix the token's display prefix
     * @return the revoked record, or a refusal
     */
    public Outcome<TokenRecord> revoke(Caller caller, String prefix) {
        return administration.revoke(caller, prefix);
    }

    /**
     * Revokes every live token of {@code subject} except the caller's own; the count revoked.
     *
     * @param caller who asks
     * @param subject whose tokens
     * @return how many tokens were revoked, or a refusal
     */
    public Outcome<Integer> revokeSubject(Caller caller, String subject) {
        return administration.revokeSubject(caller, subject);
    }

    /**
     * Revokes the token the caller presents, at once: the explicit logout, the only way a token
     * revokes itself. Needs self-service ({@link TokenServiceBuilder#selfService}) and a store token.
     *
     * @param caller who asks, with the token it presented
     * @return the revoked record, or a refusal (forbidden without self-service, invalid for a
     *     config, runtime or integrator principal)
     */
    public Outcome<TokenRecord> logout(Caller caller) {
        return administration.logout(caller);
    }

    /**
     * Changes the editable metadata of the one live token with this display prefix (its name,
     * address allow-list, rate limit, or whether it is disabled) without rotating it: root only,
     * as revoke; persisted before it is audited, once per changed field
     * ({@link AuditEventType#TOKEN_UPDATED}, {@link AuditEventType#TOKEN_DISABLED},
     * {@link AuditEventType#TOKEN_ENABLED}).
     *
     * @param caller who asks
     * @param prefix the token's display prefix
     * @param update the fields to set
     * @return the record as now stored, or a refusal (not found, ambiguous, your own token, nothing to change)
     */
    public Outcome<TokenRecord> update(Caller caller, String prefix, TokenUpdate update) {
        return administration.update(caller, prefix, update);
    }

    /**
     * Mints a successor with the same scopes, name and subject, and retires the old token after
     * {@code grace} (zero: at once). Touches no other token.
     *
     * @param caller who asks
     * @param prefix the old token's display prefix
     * @param grace how long the old token keeps working
     * @return the successor, or a refusal
     */
    public Outcome<MintedToken> rotate(Caller caller, String prefix, Duration grace) {
        return administration.rotate(caller, prefix, grace);
    }

    /**
     * Refuses a rotation whose request an adapter could not read (a malformed grace period, say),
     * and audits it.
     *
     * @param caller who asks
     * @param prefix the display prefix the rotation named
     * @param problem what is wrong with the request, for people; never the request itself
     * @return the refusal: forbidden for a caller who may not rotate, else invalid with {@code problem}
     */
    public Refusal refuseRotate(Caller caller, String prefix, String problem) {
        return administration.refuseRotate(caller, prefix, problem);
    }

    /**
     * Removes the tokens revoked or expired more than {@code olderThan} ago from the store, at once
     * and for good (docs/policies.md, pruning); live tokens and those that ended more recently are
     * never touched. Root only. Each removed token is audited as {@code token_pruned}.
     *
     * @param caller who asks
     * @param olderThan how long ago a token must have ended (zero: any token ended by now)
     * @return the records removed, or a refusal
     * @throws UnsupportedOperationException if the store does not prune
     */
    public Outcome<List<TokenRecord>> prune(Caller caller, Duration olderThan) {
        return pruning.prune(caller, olderThan);
    }

    /**
     * What {@link #prune} would remove now, removing nothing (a dry run; not audited but for a refusal).
     *
     * @param caller who asks
     * @param olderThan how long ago a token must have ended
     * @return the records a prune would remove, or a refusal
     */
    public Outcome<List<TokenRecord>> prunable(Caller caller, Duration olderThan) {
        return pruning.prunable(caller, olderThan);
    }

    /**
     * Writes pending last-use times to the store now.
     *
     * @return whether all were written; what was not stays pending
     */
    public boolean flushLastUsed() {
        return lastUse.flush();
    }

    // --- health and statistics ------------------------------------------------------------

    /**
     * How each part the service relies on did when last used, without touching any: a part not
     * used yet is {@link ServiceHealth.Status#UNKNOWN}. Cheap; a health endpoint may call it often.
     *
     * @return the parts' health now
     */
    public ServiceHealth health() {
        return health.snapshot();
    }

    /**
     * Reads the store once (a lookup by a prefix no token has, past any cache), so the store's
     * health is known and current, then tells how each part is, as {@link #health()} does. Costs
     * one store read: a database query, or the token file's re-check when its interval is due.
     *
     * @return the parts' health after the read
     */
    public ServiceHealth checkHealth() {
        authentication.probeStore();
        return health.snapshot();
    }

    /**
     * What the store holds in memory and how its cache does, for metrics to poll: present for the
     * stores of this library, empty for a store that does not report any.
     *
     * @return the store's statistics, or empty
     */
    public Optional<StoreStatistics> storeStatistics() {
        return store.statistics();
    }

    /** Stops the background flush and the scheduled prune, and writes pending last-use times. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (pruner != null) {
            pruner.shutdownNow();
        }
        lastUse.flush();
    }

    // --- helpers --------------------------------------------------------------------------

    private ScheduledExecutorService startFlusher(Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scopekey-last-use-flush");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(lastUse::flush, millis, millis, TimeUnit.MILLISECONDS);
        return executor;
    }

    private ScheduledExecutorService startPruner(Duration every, Duration olderThan) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scopekey-prune");
            thread.setDaemon(true);
            return thread;
        });
        Caller scheduler = Caller.operator(ActorLabel.SCHEDULER);
        long millis = Math.max(1, every.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                pruning.prune(scheduler, olderThan);
                health.worked(HealthChange.Part.SCHEDULED_PRUNE);
            } catch (RuntimeException e) {
                health.failed(HealthChange.Part.SCHEDULED_PRUNE, FailureText.of(store, e) + "; tried again at the next run");
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return executor;
    }

    @Override
    public String toString() {
        return "TokenService[" + store + ", " + format + "]";
    }
}
