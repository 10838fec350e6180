package dev.scopekey.service;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.FailureText;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenDigest;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.Authenticator;
import dev.scopekey.port.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private final TokenStore store;
    private final Clock clock;
    private final LastUseRecorder lastUse;
    private final HealthMonitor health;
    private final byte[] configHash;
    private final PlainToken configToken;
    private final List<Authenticator<String>> integrators;
    private final Map<String, TokenPrincipal> runtime = new ConcurrentHashMap<>();

    Authentication(TokenStore store, Clock clock, LastUseRecorder lastUse, HealthMonitor health,
                   PlainToken configToken, List<Authenticator<String>> integrators) {
        this.store = store;
        this.clock = clock;
        this.lastUse = lastUse;
        this.health = health;
        this.configToken = configToken;
        this.configHash = configToken == null ? null : configToken.hash().getBytes(StandardCharsets.US_ASCII);
        this.integrators = List.copyOf(integrators);
    }

    AuthDecision authenticate(String credential) {
        if (credential == null || credential.isEmpty()) {
            return AuthDecision.Denied.because(DenialReason.NO_CREDENTIAL);
        }
        if (!PlainToken.isWellFormed(credential)) {
            return AuthDecision.Denied.because(DenialReason.MALFORMED);
        }
        String hash = TokenDigest.sha256Hex(credential);
        if (configHash != null
                && MessageDigest.isEqual(configHash, hash.getBytes(StandardCharsets.US_ASCII))) {
            return new AuthDecision.Granted(TokenPrincipal.config(configToken));
        }
        if (TokenFormat.hasBadCheck(credential)) {
            return AuthDecision.Denied.because(DenialReason.BAD_CHECKSUM);
        }
        TokenPrincipal registered = runtime.get(hash);
        if (registered != null) {
            return new AuthDecision.Granted(registered);
        }
        Optional<TokenRecord> found;
        try {
            found = store.findByHash(hash);
        } catch (RuntimeException e) {
            return unavailable(Part.TOKEN_STORE, store, e);
        }
        health.worked(Part.TOKEN_STORE);
        if (found.isPresent()) {
            return decide(found.get());
        }
        return askIntegrators(credential);
    }

    private AuthDecision decide(TokenRecord record) {
        Instant now = clock.instant();
        if (record.isRevokedAt(now)) {
            return new AuthDecision.Denied(DenialReason.REVOKED, null, null);
        }
        if (record.isExpiredAt(now)) {
            return new AuthDecision.Denied(DenialReason.EXPIRED, null, null);
        }
        lastUse.touch(record.hash(), now);
        return new AuthDecision.Granted(TokenPrincipal.of(record));
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
                return new AuthDecision.Granted(principal.get());
            }
        }
        return AuthDecision.Denied.because(DenialReason.UNKNOWN);
    }

    /** Reports the failure (once per outage) and answers with its sanitised cause. */
    private AuthDecision unavailable(Part part, Object failed, RuntimeException e) {
        String cause = FailureText.of(failed, e);
        health.failed(part, cause);
        return new AuthDecision.Unavailable(part.label() + " unavailable: " + cause);
    }

    PlainToken register(String token, ScopeSet scopes, String name) {
        PlainToken plain = PlainToken.of(token);
        runtime.put(plain.hash(), TokenPrincipal.runtime(plain, scopes, name));
        return plain;
    }

    boolean unregister(String token) {
        return PlainToken.isWellFormed(token) && runtime.remove(TokenDigest.sha256Hex(token)) != null;
    }
}
