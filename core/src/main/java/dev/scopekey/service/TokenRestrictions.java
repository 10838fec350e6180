package dev.scopekey.service;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks a live token's own restrictions ({@link TokenRecord#isRestricted()}): disabled, the
 * address allow-list against the request's client address, then its rate limit, whose buckets
 * are kept here in memory (per service instance, bounded by {@link RateBuckets}). Only a
 * request that passes the first two takes a permit. Thread-safe.
 */
final class TokenRestrictions {
    private final RateBuckets<TokenHash> buckets;

    TokenRestrictions(Clock clock) {
        this.buckets = new RateBuckets<>(clock);
    }

    /**
     * The denial for a request with this token, or null when it may go on.
     *
     * @param clientAddress the request's client address, or null when unknown (an allow-list then denies)
     * @param request whether this is a request to the service (address and rate apply), not an
     *     introspection on the holder's behalf (only disabled applies)
     */
    AuthDecision.Denied check(TokenHash hash, TokenRecord record, String clientAddress, boolean request) {
        if (record.disabled()) {
            return AuthDecision.Denied.because(DenialReason.DISABLED);
        }
        if (!request) {
            return null;
        }
        if (record.allowedAddresses() != null && !record.allowedAddresses().allows(clientAddress)) {
            return AuthDecision.Denied.because(DenialReason.ADDRESS_NOT_ALLOWED);
        }
        if (record.rateLimit() != null) {
            Duration wait = buckets.acquire(hash, record.rateLimit());
            if (wait != null) {
                return AuthDecision.Denied.rateLimited(TokenPrincipal.of(record), wait);
            }
        }
        return null;
    }
}
