package dev.scopekey.service;

import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits {@code token_expiring} when a store token is used within {@code window} of its expiry
 * (docs/policies.md, expiry notice): once per token per service instance, so a busy token does
 * not flood the log. Thread-safe.
 */
final class ExpiryNotice {
    private final Duration window;
    private final Clock clock;
    private final Auditor audit;
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();

    ExpiryNotice(Duration window, Clock clock, Auditor audit) {
        this.window = window;
        this.clock = clock;
        this.audit = audit;
    }

    /** Called for each granted authentication; audits the first use of a token in its last window. */
    void used(TokenPrincipal principal, ClientRequest request) {
        Instant expiresAt = principal.validUntil();
        if (expiresAt == null || principal.source() != TokenSource.STORE
                || expiresAt.isAfter(clock.instant().plus(window))
                || !noticed.add(principal.prefix() + "@" + expiresAt)) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("expires", expiresAt.toString());
        facts.put("notice", DurationText.format(window));
        audit.changed(AuditEventType.TOKEN_EXPIRING, Caller.of(principal, request.clientAddress()),
                principal.prefix(), facts);
    }
}
