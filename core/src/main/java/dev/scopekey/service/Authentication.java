package dev.scopekey.service;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.Authenticator;
import dev.scopekey.port.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential tiers, in order: the break-glass admin token (constant-time), runtime tokens
 * and the store, then integrator tiers. The first tier that recognises the credential decides.
 */
final class Authentication {
    /** What {@link #probeStore} looks up: no display prefix has a space. */
    private static final String HEALTH_PROBE_PREFIX = "health check";

    private final TokenStore store;
    private final Clock clock;
    private final LastUseRecorder lastUse;
    private final HealthMonitor health;
    private final MetricsReporter metrics;
    private final TokenHash configHash;
    private final AuthDecision.Granted configGrant;
    private final List<Authenticator<String>> integrators;
    private final Map<TokenHash, TokenPrincipal> runtime = new ConcurrentHashMap<>();
    private final TokenRestrictions restrictions;
    /** Whether any runtime token is registered: without one, a request skips that map. */
    private volatile boolean anyRuntime;

    /**
     * @throws IllegalArgumentException if the config token has the minted shape but a wrong
     *     check: presented, it would be refused before any tier is asked
     */
    Authentication(TokenStore store, Clock clock, LastUseRecorder lastUse, HealthMonitor health,
                   MetricsReporter metrics, PlainToken configToken, List<Authenticator<String>> integrators) {
        this.store = store;
        this.clock = clock;
        this.lastUse = lastUse;
        this.health = health;
        this.metrics = metrics;
        if (configToken != null && !configToken.isMinted() && TokenFormat.hasMintedShape(configToken.reveal())) {
            throw new IllegalArgumentException("the admin token has the minted shape but wrong check characters,"
                    + " so it could never be accepted: mint a fresh one, or use a token of another shape");
        }
        this.configHash = configToken == null ? null : TokenHash.of(configToken.reveal());
        this.configGrant = configToken == null ? null : AuthDecision.Granted.of(TokenPrincipal.config(configToken));
        this.integrators = List.copyOf(integrators);
        this.restrictions = new TokenRestrictions(clock);
    }

    /**
     * One scan of the credential refuses a malformed one or a minted one with a wrong check
     * before any digest; then the break-glass token (constant-time), runtime tokens, the store
     * and the integrator tiers, each looked up by the hash. A store token's own restrictions are
     * checked last, and only for a token that has any.
     *
     * @param clientAddress the request's client address, or null when unknown
     * @param request whether the token is presented to this service (its address allow-list and rate
     *     limit apply), or introspected on its holder's behalf (only a disabled token is refused)
     */
    AuthDecision authenticate(String credential, String clientAddress, boolean request) {
        if (credential == null || credential.isEmpty()) {
            return AuthDecision.Denied.because(DenialReason.NO_CREDENTIAL);
        }
        TokenHash hash = TokenHash.ofPresented(credential);
        if (hash == null) {
            return AuthDecision.Denied.because(
                    PlainToken.isWellFormed(credential) ? DenialReason.BAD_CHECKSUM : DenialReason.MALFORMED);
        }
        if (hash.matches(configHash)) {
            return configGrant;
        }
        TokenPrincipal registered = anyRuntime ? runtime.get(hash) : null;
        if (registered != null) {
            return AuthDecision.Granted.of(registered);
        }
        Optional<TokenRecord> found;
        try {
            found = store.findByHash(hash);
        } catch (RuntimeException e) {
            return unavailable(Part.TOKEN_STORE, store, e);
        }
        health.worked(Part.TOKEN_STORE);
        if (found.isPresent()) {
            return decide(hash, found.get(), clientAddress, request);
        }
        return askIntegrators(credential);
    }

    /**
     * Reads the clock once: as milliseconds for a record that can neither expire nor be revoked
     * (no instant built unless a last use is written), as an instant otherwise, so expiry and
     * revocation stay exact.
     */
    private AuthDecision decide(TokenHash hash, TokenRecord record, String clientAddress, boolean request) {
        long nowMillis;
        Instant now = null;
        if (record.expiresAt() == null && record.revokedAt() == null) {
            nowMillis = clock.millis();
        } else {
            now = clock.instant();
            if (record.isRevokedAt(now)) {
                return AuthDecision.Denied.because(DenialReason.REVOKED);
            }
            if (record.isExpiredAt(now)) {
                return AuthDecision.Denied.because(DenialReason.EXPIRED);
            }
            nowMillis = now.toEpochMilli();
        }
        if (record.isRestricted()) {
            AuthDecision.Denied refused = restrictions.check(hash, record, clientAddress, request);
            if (refused != null) {
                return refused;
            }
        }
        lastUse.touch(hash, nowMillis, now);
        return AuthDecision.Granted.of(TokenPrincipal.of(record));
    }

    private AuthDecision askIntegrators(String credential) {
        for (Authenticator<String> tier : integrators) {
            Optional<TokenPrincipal> principal;
            try {
                principal = tier.authenticate(credential);
            } catch (RuntimeException e) {
                return unavailable(Part.CREDENTIAL_TIER, tier, e);
            }
            health.worked(Part.CREDENTIAL_TIER);
            if (principal.isPresent()) {
                return AuthDecision.Granted.of(principal.get());
            }
        }
        return AuthDecision.Denied.because(DenialReason.UNKNOWN);
    }

    /**
     * Reports the failure (once per outage) and to the metrics, which learn the failed part only
     * here, and answers with its sanitised cause.
     */
    private AuthDecision unavailable(Part part, Object failed, RuntimeException e) {
        String cause = FailureText.of(failed, e);
        health.failed(part, cause);
        metrics.unavailable(part);
        return new AuthDecision.Unavailable(part.label() + " unavailable: " + cause);
    }

    /**
     * Reads the store once by a prefix no token has (prefix lookups are never cached), so its
     * health is current; what it returns does not matter.
     */
    void probeStore() {
        try {
            store.findByPrefix(HEALTH_PROBE_PREFIX);
        } catch (RuntimeException e) {
            health.failed(Part.TOKEN_STORE, FailureText.of(store, e));
            return;
        }
        health.worked(Part.TOKEN_STORE);
    }

    /** Registers under the lock {@link #unregister} takes, so the flag never hides a token. */
    synchronized PlainToken register(String token, ScopeSet scopes, String name) {
        PlainToken plain = PlainToken.of(token);
        runtime.put(TokenHash.of(plain.reveal()), TokenPrincipal.runtime(plain, scopes, name));
        anyRuntime = true;
        return plain;
    }

    synchronized boolean unregister(String token) {
        boolean removed = PlainToken.isWellFormed(token) && runtime.remove(TokenHash.of(token)) != null;
        anyRuntime = !runtime.isEmpty();
        return removed;
    }
}
