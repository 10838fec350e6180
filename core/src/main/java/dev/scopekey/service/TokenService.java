package dev.scopekey.service;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Authentication never throws: a failing store yields {@link AuthDecision.Unavailable}.
 */
public final class TokenService implements AutoCloseable {
    private static final int MINT_ATTEMPTS = 5;

    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final TokenFormat format;
    private final AuditSink audit;
    private final MintRateLimit mintRate;
    private final LastUseRecorder lastUse;
    private final Authentication authentication;
    private final ScheduledExecutorService flusher;

    TokenService(TokenServiceBuilder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.random = builder.random;
        this.format = builder.format;
        this.audit = builder.audit;
        this.mintRate = new MintRateLimit(builder.mintPermits, builder.mintPeriod, builder.clock);
        this.lastUse = new LastUseRecorder(builder.store);
        this.authentication = new Authentication(builder.store, builder.clock, lastUse, builder.configToken,
                builder.integrators);
        this.flusher = builder.flushInterval == null ? null : startFlusher(builder.flushInterval);
    }

    /** Starts building a service over {@code store}. */
    public static TokenServiceBuilder builder(TokenStore store) {
        return new TokenServiceBuilder(store);
    }

    // --- requests -------------------------------------------------------------------------

    /** Who the bearer {@code token} is; never throws. */
    public AuthDecision authenticate(String token) {
        return authenticate(token, null);
    }

    /** Who the bearer {@code token} is, auditing a denial with the client's address. */
    public AuthDecision authenticate(String token, String clientAddress) {
        AuthDecision decision = authentication.authenticate(token);
        if (decision instanceof AuthDecision.Denied) {
            DenialReason reason = ((AuthDecision.Denied) decision).reason();
            if (reason != DenialReason.NO_CREDENTIAL) {
                String target = token != null && TokenFormat.isValidMinted(token)
                        ? PlainToken.of(token).prefix() : null;
                emit(AuditEventType.AUTHENTICATION_DENIED, "anonymous", target, clientAddress, reason.name());
            }
        }
        return decision;
    }

    /**
     * Authenticates {@code token} and checks it holds {@code requiredScope}; fails closed for a
     * null, malformed or wildcard required scope.
     */
    public AuthDecision authorize(String token, String requiredScope, String clientAddress) {
        return authorize(token, Scope.parse(requiredScope).orElse(null), requiredScope, clientAddress);
    }

    /** As {@link #authorize(String, String, String)}, with a scope parsed once up front (the fast path). */
    public AuthDecision authorize(String token, Scope requiredScope, String clientAddress) {
        return authorize(token, requiredScope, requiredScope == null ? null : requiredScope.value(), clientAddress);
    }

    /** Checks that an authenticated principal holds {@code requiredScope}; fails closed. */
    public AuthDecision authorize(TokenPrincipal principal, String requiredScope, String clientAddress) {
        return authorize(principal, Scope.parse(requiredScope).orElse(null), requiredScope, clientAddress);
    }

    /** Checks that an authenticated principal holds {@code requiredScope}; fails closed. */
    public AuthDecision authorize(TokenPrincipal principal, Scope requiredScope, String clientAddress) {
        return authorize(principal, requiredScope, requiredScope == null ? null : requiredScope.value(),
                clientAddress);
    }

    private AuthDecision authorize(String token, Scope required, String asWritten, String clientAddress) {
        AuthDecision decision = authenticate(token, clientAddress);
        if (!(decision instanceof AuthDecision.Granted)) {
            return decision;
        }
        return authorize(((AuthDecision.Granted) decision).principal(), required, asWritten, clientAddress);
    }

    private AuthDecision authorize(TokenPrincipal principal, Scope required, String asWritten, String client) {
        if (principal.scopes().grants(required)) {
            return new AuthDecision.Granted(principal);
        }
        emit(AuditEventType.AUTHORIZATION_DENIED, principal.actor(), principal.prefix(), client,
                DenialReason.INSUFFICIENT_SCOPE.name());
        return new AuthDecision.Denied(DenialReason.INSUFFICIENT_SCOPE, principal, asWritten);
    }

    /**
     * Registers a token in process memory ({@code RUNTIME}): it grants its scopes until
     * {@link #unregisterRuntimeToken} or the end of the process, and never administers tokens.
     *
     * @throws IllegalArgumentException if the token is not printable ASCII
     */
    public PlainToken registerRuntimeToken(String token, ScopeSet scopes, String name) {
        return authentication.register(token, scopes, name);
    }

    public boolean unregisterRuntimeToken(String token) {
        return authentication.unregister(token);
    }

    // --- administration -------------------------------------------------------------------

    /** Mints a token; the plaintext is in the result and nowhere else. */
    public Outcome<MintedToken> mint(Caller caller, MintRequest request) {
        if (caller.clientAddress() != null && !caller.isOperator()) {
            Duration wait = mintRate.acquire(caller.clientAddress());
            if (wait != null) {
                return refuse(AuditEventType.MINT_REFUSED, caller, null, new Refusal(Refusal.Kind.RATE_LIMITED,
                        "too many mint requests from this client; retry later", wait));
            }
        }
        if (!caller.isRoot()) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, forbidden());
        }
        Outcome<ScopeSet> scopes = MintPolicy.check(request, caller.mayCreateRoot());
        if (!scopes.isDone()) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, scopes.refusal());
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresIn() == null ? null : now.plus(request.expiresIn());
        MintedToken minted = insertFresh(token -> TokenRecord.minted(token, scopes.value(), request.name(),
                request.subject(), now, caller.actor(), expiresAt));
        emit(AuditEventType.TOKEN_MINTED, caller.actor(), minted.record().prefix(), caller.clientAddress(), null);
        return Outcome.done(minted);
    }

    /** A page of tokens (live ones unless the query asks otherwise), never with a secret. */
    public Outcome<TokenPage> list(Caller caller, TokenQuery query) {
        if (!caller.isRoot()) {
            return refuse(AuditEventType.LIST_REFUSED, caller, null, forbidden());
        }
        List<TokenRecord> page = new ArrayList<>(store.list(query));
        String next = page.size() == query.limit() ? page.get(page.size() - 1).prefix() : null;
        if (next != null) {
            completeLastGroup(page, next, query);
        }
        List<TokenRecord> shown = new ArrayList<>(page.size());
        for (TokenRecord record : page) {
            Instant pending = lastUse.pendingFor(record.hash());
            shown.add(pending == null ? record : record.withLastUsedAt(pending));
        }
        return Outcome.done(new TokenPage(shown, next));
    }

    /** Revokes the one live token with this display prefix, at once. */
    public Outcome<TokenRecord> revoke(Caller caller, String prefix) {
        Outcome<TokenRecord> target = findTarget(AuditEventType.REVOKE_REFUSED, caller, prefix);
        if (!target.isDone()) {
            return target;
        }
        TokenRecord revoked = target.value().withRevoked(clock.instant(), caller.actor());
        store.apply(TokenChange.update(List.of(revoked)));
        emit(AuditEventType.TOKEN_REVOKED, caller.actor(), prefix, caller.clientAddress(), null);
        return Outcome.done(revoked);
    }

    /** Revokes every live token of {@code subject} except the caller's own; the count revoked. */
    public Outcome<Integer> revokeSubject(Caller caller, String subject) {
        if (!caller.isRoot()) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, "subject:" + subject, forbidden());
        }
        if (subject == null || subject.isEmpty()) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, null,
                    Refusal.of(Refusal.Kind.INVALID_REQUEST, "a subject is required"));
        }
        Instant now = clock.instant();
        List<TokenRecord> revoked = new ArrayList<>();
        TokenQuery query = new TokenQuery(subject, null, TokenQuery.MAX_LIMIT, now);
        List<TokenRecord> page;
        do {
            page = store.list(query);
            for (TokenRecord record : page) {
                if (caller.principal() == null || !caller.principal().isToken(record)) {
                    revoked.add(record.withRevoked(now, caller.actor()));
                }
            }
            query = page.isEmpty() ? query : query.after(page.get(page.size() - 1).prefix());
        } while (page.size() == TokenQuery.MAX_LIMIT);
        if (!revoked.isEmpty()) {
            store.apply(TokenChange.update(revoked));
        }
        emit(AuditEventType.SUBJECT_TOKENS_REVOKED, caller.actor(), "subject:" + subject, caller.clientAddress(),
                null);
        return Outcome.done(revoked.size());
    }

    /**
     * Mints a successor with the same scopes, name and subject, and retires the old token after
     * {@code grace} (zero: at once). Touches no other token.
     */
    public Outcome<MintedToken> rotate(Caller caller, String prefix, Duration grace) {
        Outcome<TokenRecord> target = findTarget(AuditEventType.ROTATE_REFUSED, caller, prefix);
        if (!target.isDone()) {
            return Outcome.refused(target.refusal());
        }
        TokenRecord old = target.value();
        if (grace == null || grace.isNegative()) {
            return refuse(AuditEventType.ROTATE_REFUSED, caller, prefix,
                    Refusal.of(Refusal.Kind.INVALID_REQUEST, "the grace period must not be negative"));
        }
        if (old.scopes().isRoot() && !caller.mayCreateRoot()) {
            return refuse(AuditEventType.ROTATE_REFUSED, caller, prefix,
                    Refusal.of(Refusal.Kind.FORBIDDEN, "only an operator rotates a root token"));
        }
        Instant now = clock.instant();
        Instant expiresAt = successorExpiry(old, now);
        Instant retireAt = now.plus(grace);
        if (old.revokedAt() != null && old.revokedAt().isBefore(retireAt)) {
            retireAt = old.revokedAt();
        }
        TokenRecord retired = old.withRevoked(retireAt, caller.actor());
        MintedToken successor = insertFresh(token -> TokenRecord.minted(token, old.scopes(), old.name(),
                old.subject(), now, caller.actor(), expiresAt), retired);
        emit(AuditEventType.TOKEN_ROTATED, caller.actor(), prefix, caller.clientAddress(),
                null);
        return Outcome.done(successor);
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

    public TokenFormat format() {
        return format;
    }

    public Clock clock() {
        return clock;
    }

    // --- helpers --------------------------------------------------------------------------

    private Outcome<TokenRecord> findTarget(AuditEventType refusalType, Caller caller, String prefix) {
        if (!caller.isRoot()) {
            return refuse(refusalType, caller, prefix, forbidden());
        }
        Instant now = clock.instant();
        List<TokenRecord> live = new ArrayList<>();
        for (TokenRecord record : store.findByPrefix(prefix == null ? "" : prefix)) {
            if (!record.isRevokedAt(now)) {
                live.add(record);
            }
        }
        if (live.isEmpty()) {
            return refuse(refusalType, caller, null, Refusal.of(Refusal.Kind.NOT_FOUND, "no live token has that prefix"));
        }
        if (live.size() > 1) {
            return refuse(refusalType, caller, prefix, Refusal.of(Refusal.Kind.CONFLICT,
                    "the prefix is ambiguous: " + live.size() + " tokens share it; edit the token file instead"));
        }
        TokenRecord record = live.get(0);
        if (caller.principal() != null && caller.principal().isToken(record)) {
            return refuse(refusalType, caller, prefix, Refusal.of(Refusal.Kind.INVALID_REQUEST,
                    "a token cannot revoke or rotate itself"));
        }
        return Outcome.done(record);
    }

    /** Legacy prefixes may repeat; a page never ends inside a group, since the cursor is a prefix. */
    private void completeLastGroup(List<TokenRecord> page, String lastPrefix, TokenQuery query) {
        for (TokenRecord record : store.findByPrefix(lastPrefix)) {
            boolean matches = (query.subject() == null || query.subject().equals(record.subject()))
                    && (query.liveAt() == null || record.isLiveAt(query.liveAt()));
            if (matches && page.stream().noneMatch(r -> r.hash().equals(record.hash()))) {
                page.add(record);
            }
        }
    }

    private static Instant successorExpiry(TokenRecord old, Instant now) {
        if (old.expiresAt() == null) {
            return null;
        }
        if (old.createdAt() == null || !old.expiresAt().isAfter(old.createdAt())) {
            return old.expiresAt();
        }
        return now.plus(Duration.between(old.createdAt(), old.expiresAt()));
    }

    private MintedToken insertFresh(java.util.function.Function<PlainToken, TokenRecord> recordFor,
                                    TokenRecord... alsoUpdate) {
        DuplicateTokenException last = null;
        for (int attempt = 0; attempt < MINT_ATTEMPTS; attempt++) {
            PlainToken token = format.generate(random);
            TokenRecord record = recordFor.apply(token);
            try {
                store.apply(new TokenChange(List.of(record), List.of(alsoUpdate)));
                return new MintedToken(token, record);
            } catch (DuplicateTokenException collision) {
                last = collision;
            }
        }
        throw last;
    }

    private static Refusal forbidden() {
        return Refusal.of(Refusal.Kind.FORBIDDEN, "token administration needs a root token");
    }

    private <T> Outcome<T> refuse(AuditEventType type, Caller caller, String target, Refusal refusal) {
        emit(type, caller.actor(), target, caller.clientAddress(), refusal.kind().code());
        return Outcome.refused(refusal);
    }

    private void emit(AuditEventType type, String actor, String target, String client, String detail) {
        try {
            audit.record(new AuditEvent(type, actor, target, clock.instant(), client, detail));
        } catch (RuntimeException ignored) {
            // an audit sink must not break the call it reports on
        }
    }

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
