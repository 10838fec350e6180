package dev.scopekey.service;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application: mints, lists, revokes and rotates tokens, and authenticates and authorizes
 * requests, under the rules of who may do what. Thread-safe; build one per store with
 * {@link #builder(TokenStore)} and {@link #close()} it on shutdown to flush last-use times.
 *
 * <p>Administrative calls return an {@link Outcome}: refusals are values (with an audit event),
 * while a store that cannot persist throws {@code TokenStoreException} and changes nothing.
 * Authentication never throws: a failing store yields {@link AuthDecision.Unavailable}, with
 * the cause. A store, credential tier, audit sink or last-use flush that starts failing is
 * reported to the audit sink's {@code healthChanged} once, and once more when it works again.
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

    TokenService(TokenServiceBuilder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.format = builder.format;
        HealthMonitor health = new HealthMonitor(builder.audit);
        this.audit = new Auditor(builder.audit, builder.clock, health);
        this.lastUse = new LastUseRecorder(builder.store, builder.clock, health);
        this.authentication = new Authentication(builder.store, builder.clock, lastUse, health, builder.configToken,
                builder.integrators);
        this.administration = new TokenAdministration(builder, audit, lastUse);
        this.flusher = builder.flushInterval == null ? null : startFlusher(builder.flushInterval);
    }

    /**
     * Starts building a service over {@code store}.
     *
     * @param store where tokens are kept
     * @return a builder with the defaults
     */
    public static TokenServiceBuilder builder(TokenStore store) {
        return new TokenServiceBuilder(store);
    }

    // --- requests -------------------------------------------------------------------------

    /**
     * Who the bearer {@code token} is; never throws.
     *
     * @param token the bearer token as presented, possibly null
     * @return granted with the principal, denied with a reason, or unavailable
     */
    public AuthDecision authenticate(String token) {
        return authenticate(token, ClientRequest.from(null));
    }

    /**
     * Who the bearer {@code token} is, auditing a denial with the client's address.
     *
     * @param token the bearer token as presented, possibly null
     * @param clientAddress the client's address for the audit log, or null
     * @return granted with the principal, denied with a reason, or unavailable
     */
    public AuthDecision authenticate(String token, String clientAddress) {
        return authenticate(token, ClientRequest.from(clientAddress));
    }

    /**
     * Who the bearer {@code token} is, auditing a denial once with its reason and the request's
     * client, method and path; a missing token is a denial too.
     *
     * @param token the bearer token as sent, or null
     * @param request where the request came from and what it asked for
     * @return granted with the principal, denied with the reason, or unavailable
     */
    public AuthDecision authenticate(String token, ClientRequest request) {
        AuthDecision decision = authentication.authenticate(token);
        if (decision instanceof AuthDecision.Denied) {
            DenialReason reason = ((AuthDecision.Denied) decision).reason();
            auditDenial(reason, deniedTarget(token, reason), request);
        }
        return decision;
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
        if (shapeFailed || !PlainToken.isWellFormed(token)) {
            return null;
        }
        PlainToken presented = PlainToken.of(token);
        return presented.isMinted() ? presented.prefix() : null;
    }

    /**
     * Authenticates {@code token} and checks it holds {@code requiredScope}; fails closed for a
     * null, malformed or wildcard required scope.
     *
     * @param token the bearer token as presented, possibly null
     * @param requiredScope the scope the route needs
     * @param clientAddress the client's address for the audit log, or null
     * @return granted only when the token is valid and holds the scope
     */
    public AuthDecision authorize(String token, String requiredScope, String clientAddress) {
        return authorize(token, Scope.parse(requiredScope).orElse(null), requiredScope,
                ClientRequest.from(clientAddress));
    }

    /**
     * As {@link #authorize(String, String, String)}, with a scope parsed once up front (the fast path).
     *
     * @param token the bearer token as presented, possibly null
     * @param requiredScope the scope the route needs
     * @param clientAddress the client's address for the audit log, or null
     * @return granted only when the token is valid and holds the scope
     */
    public AuthDecision authorize(String token, Scope requiredScope, String clientAddress) {
        return authorize(token, requiredScope, requiredScope == null ? null : requiredScope.value(),
                ClientRequest.from(clientAddress));
    }

    /**
     * Checks that an authenticated principal holds {@code requiredScope}; fails closed.
     *
     * @param principal an authenticated token
     * @param requiredScope the scope the route needs
     * @param clientAddress the client's address for the audit log, or null
     * @return granted only when the principal holds the scope
     */
    public AuthDecision authorize(TokenPrincipal principal, String requiredScope, String clientAddress) {
        return authorize(principal, Scope.parse(requiredScope).orElse(null), requiredScope,
                ClientRequest.from(clientAddress));
    }

    /**
     * Checks that an authenticated principal holds {@code requiredScope}; fails closed.
     *
     * @param principal an authenticated token
     * @param requiredScope the scope the route needs
     * @param clientAddress the client's address for the audit log, or null
     * @return granted only when the principal holds the scope
     */
    public AuthDecision authorize(TokenPrincipal principal, Scope requiredScope, String clientAddress) {
        return authorize(principal, requiredScope, ClientRequest.from(clientAddress));
    }

    /**
     * Checks that an authenticated principal holds {@code requiredScope} (null, malformed or a
     * wildcard fails closed), auditing a denial once with the scope as written and the request's
     * client, method and path.
     *
     * @param principal who authenticated
     * @param requiredScope the scope the route needs, as written
     * @param request where the request came from and what it asked for
     * @return granted, or denied for the missing scope
     */
    public AuthDecision authorize(TokenPrincipal principal, String requiredScope, ClientRequest request) {
        return authorize(principal, Scope.parse(requiredScope).orElse(null), requiredScope, request);
    }

    /**
     * As {@link #authorize(TokenPrincipal, String, ClientRequest)}, with a scope parsed once up front.
     *
     * @param principal who authenticated
     * @param requiredScope the scope the route needs, or null (which fails closed)
     * @param request where the request came from and what it asked for
     * @return granted, or denied for the missing scope
     */
    public AuthDecision authorize(TokenPrincipal principal, Scope requiredScope, ClientRequest request) {
        return authorize(principal, requiredScope, requiredScope == null ? null : requiredScope.value(), request);
    }

    private AuthDecision authorize(String token, Scope required, String asWritten, ClientRequest request) {
        AuthDecision decision = authenticate(token, request);
        if (!(decision instanceof AuthDecision.Granted)) {
            return decision;
        }
        return authorize(((AuthDecision.Granted) decision).principal(), required, asWritten, request);
    }

    private AuthDecision authorize(TokenPrincipal principal, Scope required, String asWritten,
                                   ClientRequest request) {
        if (principal.scopes().grants(required)) {
            return AuthDecision.Granted.of(principal);
        }
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
     * Writes pending last-use times to the store now.
     *
     * @return whether all were written; what was not stays pending
     */
    public boolean flushLastUsed() {
        return lastUse.flush();
    }

    /** Stops the background flush and writes pending last-use times. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        lastUse.flush();
    }

    /**
     * The token format this service mints and parses.
     *
     * @return the format
     */
    public TokenFormat format() {
        return format;
    }

    /**
     * The clock this service reads.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
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

    @Override
    public String toString() {
        return "TokenService[" + store + ", " + format + "]";
    }
}
