package dev.scopekey.service;

import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.ServiceMetrics.AdminAction;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The administrative calls of {@link TokenService} and their rules: root only, mint policy and
 * rate limit, self-revocation and ambiguous prefixes refused, persist before reporting success.
 */
final class TokenAdministration {
    private static final int MINT_ATTEMPTS = 5;

    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final TokenFormat format;
    private final Auditor audit;
    private final MintRateLimit mintRate;
    private final LastUseRecorder lastUse;
    private final WholeGroupPages pages;
    private final MetricsReporter metrics;
    private final LifetimePolicy lifetimes;
    private final SelfService selfService;

    TokenAdministration(TokenServiceBuilder builder, Auditor audit, LastUseRecorder lastUse, MetricsReporter metrics) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.random = builder.random;
        this.format = builder.format;
        this.audit = audit;
        this.mintRate = new MintRateLimit(builder.mintPermits, builder.mintPeriod, builder.clock);
        this.lastUse = lastUse;
        this.pages = new WholeGroupPages(builder.store);
        this.metrics = metrics;
        this.lifetimes = builder.lifetimes();
        this.selfService = new SelfService(builder.selfService, builder.maxTokensPerSubject, pages);
    }

    /** Mints a token; the plaintext is in the result and nowhere else. */
    Outcome<MintedToken> mint(Caller caller, MintRequest request) {
        Outcome<MintedToken> gate = mintGate(caller);
        if (gate != null) {
            return gate;
        }
        Outcome<ScopeSet> scopes = MintPolicy.check(request, caller.mayCreateRoot());
        if (!scopes.isDone()) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, scopes.refusal());
        }
        String own = selfService.subjectOf(caller);
        Refusal problem = own == null ? null : selfService.mintProblem(caller, own, request.subject(), scopes.value());
        Instant now = clock.instant();
        String subject = own == null ? request.subject() : own;
        if (problem == null) {
            problem = lifetimes.check(request.expiresIn());
        }
        if (problem == null) {
            problem = selfService.limitProblem(subject, now);
        }
        if (problem != null) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, problem);
        }
        Instant expiresAt = lifetimes.expiresAt(request.expiresIn(), now);
        if (own != null && SelfService.outlives(expiresAt, caller.principal().validUntil())) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, Refusal.of(Refusal.Kind.FORBIDDEN,
                    "a token mints only tokens that expire no later than itself (" + caller.principal().validUntil()
                            + "); give a shorter expiresIn"));
        }
        MintedToken minted = insertFresh(token -> TokenRecord.minted(token, scopes.value(), request.name(),
                subject, now, caller.actor(), expiresAt).toBuilder()
                .allowedAddresses(request.allowedAddresses()).rateLimit(request.rateLimit()).build());
        audit.minted(caller, minted.record());
        metrics.administered(AdminAction.MINTED, 1);
        return Outcome.done(minted);
    }

    /** Refuses a mint request the adapter could not read, counting it against the rate limit first. */
    Refusal refuseMint(Caller caller, String problem) {
        Outcome<MintedToken> gate = mintGate(caller);
        if (gate != null) {
            return gate.refusal();
        }
        return refuse(AuditEventType.MINT_REFUSED, caller, null, unreadable(problem)).refusal();
    }

    /**
     * What every mint request meets before it is read: the rate limit (every request counts,
     * accepted or not), then the root check. Null when the request may go on.
     */
    private Outcome<MintedToken> mintGate(Caller caller) {
        if (caller.clientAddress() != null && !caller.isOperator()) {
            Duration wait = mintRate.acquire(caller.clientAddress());
            if (wait != null) {
                return refuse(AuditEventType.MINT_REFUSED, caller, null, new Refusal(Refusal.Kind.RATE_LIMITED,
                        "too many mint requests from this client; retry later", wait));
            }
        }
        if (!caller.isRoot() && selfService.subjectOf(caller) == null) {
            return refuse(AuditEventType.MINT_REFUSED, caller, null, forbidden());
        }
        return null;
    }

    /** A page of tokens (live ones unless the query asks otherwise), never with a secret. */
    Outcome<TokenPage> list(Caller caller, TokenQuery query) {
        String own = selfService.subjectOf(caller);
        if (!caller.isRoot() && (own == null || (query.subject() != null && !query.subject().equals(own)))) {
            return refuse(AuditEventType.LIST_REFUSED, caller, null, forbidden());
        }
        TokenPage page = pages.page(own == null ? query : query.withSubject(own));
        List<TokenRecord> shown = new ArrayList<>(page.records().size());
        for (TokenRecord record : page.records()) {
            Instant pending = lastUse.pendingFor(record.hash());
            shown.add(pending == null ? record : record.withLastUsedAt(pending));
        }
        return Outcome.done(new TokenPage(shown, page.nextAfter()));
    }

    /** Revokes the one live token with this display prefix, at once. */
    Outcome<TokenRecord> revoke(Caller caller, String prefix) {
        Outcome<TokenRecord> target = findTarget(AuditEventType.REVOKE_REFUSED, caller, prefix);
        if (!target.isDone()) {
            return target;
        }
        TokenRecord revoked = target.value().withRevoked(clock.instant(), caller.actor());
        store.apply(TokenChange.update(List.of(revoked)));
        audit.changed(AuditEventType.TOKEN_REVOKED, caller, revoked.prefix(), Map.of());
        metrics.administered(AdminAction.REVOKED, 1);
        return Outcome.done(revoked);
    }

    /** Revokes every live token of {@code subject} except the caller's own; the count revoked. */
    Outcome<Integer> revokeSubject(Caller caller, String subject) {
        String own = selfService.subjectOf(caller);
        if (!caller.isRoot() && (own == null || !own.equals(subject))) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, "subject:" + subject, forbidden());
        }
        if (subject == null || subject.isEmpty()) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, null,
                    Refusal.of(Refusal.Kind.INVALID_REQUEST, "a subject is required"));
        }
        Instant now = clock.instant();
        List<TokenRecord> revoked = new ArrayList<>();
        for (TokenRecord record : pages.all(new TokenQuery(subject, null, TokenQuery.MAX_LIMIT, now))) {
            if (caller.principal() == null || !caller.principal().isToken(record)) {
                revoked.add(record.withRevoked(now, caller.actor()));
            }
        }
        if (!revoked.isEmpty()) {
            store.apply(TokenChange.update(revoked));
        }
        audit.changed(AuditEventType.SUBJECT_TOKENS_REVOKED, caller, "subject:" + subject,
                Map.of("count", Integer.toString(revoked.size())));
        metrics.administered(AdminAction.REVOKED, revoked.size());
        return Outcome.done(revoked.size());
    }

    /**
     * Revokes the token the caller presents (an explicit logout): with self-service on, for a
     * store token; the one way a token revokes itself.
     */
    Outcome<TokenRecord> logout(Caller caller) {
        TokenPrincipal principal = caller.principal();
        if (!selfService.logoutAllowed() || principal == null) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, null, Refusal.of(Refusal.Kind.FORBIDDEN,
                    "logout needs self-service to be enabled and a token"));
        }
        if (principal.source() != TokenSource.STORE) {
            return refuse(AuditEventType.REVOKE_REFUSED, caller, null, Refusal.of(Refusal.Kind.INVALID_REQUEST,
                    "only a stored token can log out; this one is " + principal.source().name().toLowerCase(
                            java.util.Locale.ROOT)));
        }
        Instant now = clock.instant();
        for (TokenRecord record : store.findByPrefix(principal.prefix())) {
            if (principal.isToken(record) && !record.isRevokedAt(now)) {
                TokenRecord revoked = record.withRevoked(now, caller.actor());
                store.apply(TokenChange.update(List.of(revoked)));
                audit.changed(AuditEventType.TOKEN_REVOKED, caller, revoked.prefix(), Map.of("via", "logout"));
                metrics.administered(AdminAction.REVOKED, 1);
                return Outcome.done(revoked);
            }
        }
        return refuse(AuditEventType.REVOKE_REFUSED, caller, principal.prefix(),
                Refusal.of(Refusal.Kind.NOT_FOUND, "the token is no longer live"));
    }

    /**
     * Changes the editable metadata of the one live token with this prefix, without rotating it;
     * persisted first, then audited once per changed field.
     */
    Outcome<TokenRecord> update(Caller caller, String prefix, TokenUpdate update) {
        Outcome<TokenRecord> target = findTarget(AuditEventType.UPDATE_REFUSED, caller, prefix);
        if (!target.isDone()) {
            return target;
        }
        TokenRecord old = target.value();
        String nameProblem = update.setsName()
                ? MintPolicy.textProblem("name", update.newName(), MintPolicy.MAX_NAME_LENGTH) : null;
        if (update.isEmpty() || nameProblem != null) {
            return refuse(AuditEventType.UPDATE_REFUSED, caller, old.prefix(), Refusal.of(Refusal.Kind.INVALID_REQUEST,
                    nameProblem != null ? nameProblem : "an update needs at least one field to change"));
        }
        Optional<TokenRecord> stored = store.update(old.hash(), update);
        if (stored.isEmpty()) {
            return refuse(AuditEventType.UPDATE_REFUSED, caller, null,
                    Refusal.of(Refusal.Kind.NOT_FOUND, "no live token has that prefix"));
        }
        for (TokenUpdate.Field field : TokenUpdate.changes(old, stored.get())) {
            audit.changed(auditType(field, stored.get()), caller, old.prefix(), changedFacts(field, stored.get()));
        }
        metrics.administered(AdminAction.UPDATED, 1);
        return Outcome.done(stored.get());
    }

    private static AuditEventType auditType(TokenUpdate.Field field, TokenRecord now) {
        if (field != TokenUpdate.Field.DISABLED) {
            return AuditEventType.TOKEN_UPDATED;
        }
        return now.disabled() ? AuditEventType.TOKEN_DISABLED : AuditEventType.TOKEN_ENABLED;
    }

    /** The facts of one changed field: which, and its new value (none for disabled, which its type says). */
    private static Map<String, String> changedFacts(TokenUpdate.Field field, TokenRecord now) {
        Map<String, String> facts = new LinkedHashMap<>();
        switch (field) {
            case NAME:
                facts.put("field", field.key());
                facts.put("name", now.name());
                break;
            case ALLOWED_ADDRESSES:
                facts.put("field", field.key());
                facts.put("addresses", now.allowedAddresses() == null ? null : now.allowedAddresses().toString());
                break;
            case RATE_LIMIT:
                facts.put("field", field.key());
                facts.put("rate", now.rateLimit() == null ? null : now.rateLimit().toString());
                break;
            default:
                break;
        }
        return facts;
    }

    /**
     * Mints a successor with the same scopes, name and subject, and retires the old token after
     * {@code grace} (zero: at once). Touches no other token.
     */
    Outcome<MintedToken> rotate(Caller caller, String prefix, Duration grace) {
        Outcome<TokenRecord> target = findTarget(AuditEventType.ROTATE_REFUSED, caller, prefix);
        if (!target.isDone()) {
            return Outcome.refused(target.refusal());
        }
        TokenRecord old = target.value();
        if (grace == null || grace.isNegative() || grace.compareTo(DurationText.LONGEST) > 0) {
            return refuse(AuditEventType.ROTATE_REFUSED, caller, old.prefix(),
                    Refusal.of(Refusal.Kind.INVALID_REQUEST, "the grace period must be from 0 to "
                            + DurationText.LONGEST.toDays() + " days"));
        }
        if (old.scopes().isRoot() && !caller.mayCreateRoot()) {
            return refuse(AuditEventType.ROTATE_REFUSED, caller, old.prefix(),
                    Refusal.of(Refusal.Kind.FORBIDDEN, "only an operator rotates a root token"));
        }
        Instant now = clock.instant();
        Instant expiresAt = lifetimes.successorExpiry(old, now);
        Instant retireAt = now.plus(grace);
        if (old.revokedAt() != null && old.revokedAt().isBefore(retireAt)) {
            retireAt = old.revokedAt();
        }
        TokenRecord retired = old.withRevoked(retireAt, caller.actor());
        MintedToken successor = insertFresh(token -> TokenRecord.minted(token, old.scopes(), old.name(),
                old.subject(), now, caller.actor(), expiresAt), retired);
        audit.rotated(caller, retired, successor.record());
        metrics.administered(AdminAction.ROTATED, 1);
        return Outcome.done(successor);
    }

    /**
     * Refuses a rotation whose request the adapter could not read: forbidden for a caller who may
     * not rotate at all, else invalid with the adapter's {@code problem}.
     */
    Refusal refuseRotate(Caller caller, String prefix, String problem) {
        Refusal refusal = caller.isRoot() ? unreadable(problem) : forbidden();
        return refuse(AuditEventType.ROTATE_REFUSED, caller, shownPrefix(prefix), refusal).refusal();
    }

    /**
     * The one live token with this prefix, or a refusal. A refusal names the prefix only when it
     * is known to be one: a stored prefix, or for a caller who may not look, a minted-shape
     * prefix; anything else (a whole token, say) is audited without a target.
     */
    private Outcome<TokenRecord> findTarget(AuditEventType refusalType, Caller caller, String prefix) {
        String own = refusalType == AuditEventType.REVOKE_REFUSED ? selfService.subjectOf(caller) : null;
        if (!caller.isRoot() && own == null) {
            return refuse(refusalType, caller, shownPrefix(prefix), forbidden());
        }
        Instant now = clock.instant();
        List<TokenRecord> live = new ArrayList<>();
        for (TokenRecord record : store.findByPrefix(prefix == null ? "" : prefix)) {
            if (!record.isRevokedAt(now) && (own == null || own.equals(record.subject()))) {
                live.add(record);
            }
        }
        if (live.isEmpty()) {
            return refuse(refusalType, caller, null, Refusal.of(Refusal.Kind.NOT_FOUND, "no live token has that prefix"));
        }
        if (live.size() > 1) {
            return refuse(refusalType, caller, live.get(0).prefix(), Refusal.of(Refusal.Kind.CONFLICT,
                    "the prefix is ambiguous: " + live.size() + " tokens share it; edit the token file instead"));
        }
        TokenRecord record = live.get(0);
        if (caller.principal() != null && caller.principal().isToken(record)) {
            return refuse(refusalType, caller, record.prefix(), Refusal.of(Refusal.Kind.INVALID_REQUEST,
                    refusalType == AuditEventType.UPDATE_REFUSED ? "a token cannot update itself"
                            : "a token cannot revoke or rotate itself"));
        }
        return Outcome.done(record);
    }

    private MintedToken insertFresh(Function<PlainToken, TokenRecord> recordFor,
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

    /** Audits and counts a refusal, and returns it as the call's outcome: every refusal passes here. */
    private <T> Outcome<T> refuse(AuditEventType type, Caller caller, String target, Refusal refusal) {
        metrics.administered(AdminAction.REFUSED, 0);
        return audit.refuse(type, caller, target, refusal);
    }

    /** A prefix an audit event may name without knowing it is stored: only one of the minted shape. */
    private static String shownPrefix(String prefix) {
        return TokenFormat.isMintedPrefix(prefix) ? prefix : null;
    }

    private static Refusal unreadable(String problem) {
        return Refusal.of(Refusal.Kind.INVALID_REQUEST, problem == null ? "the request cannot be read" : problem);
    }

    private static Refusal forbidden() {
        return Refusal.of(Refusal.Kind.FORBIDDEN, "token administration needs a root token");
    }
}
