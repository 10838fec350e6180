package dev.scopekey.service;

import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes tokens revoked or expired longer ago than a given age (docs/policies.md, pruning):
 * root only, one {@code token_pruned} audit event per removed token, and a dry run that only
 * lists what would go.
 */
final class Pruning {
    private final TokenStore store;
    private final Clock clock;
    private final Auditor audit;
    private final WholeGroupPages pages;

    Pruning(TokenStore store, Clock clock, Auditor audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.pages = new WholeGroupPages(store);
    }

    /** Removes the tokens that ended more than {@code olderThan} ago, auditing each. */
    Outcome<List<TokenRecord>> prune(Caller caller, Duration olderThan) {
        Refusal refusal = check(caller, olderThan);
        if (refusal != null) {
            return audit.refuse(AuditEventType.PRUNE_REFUSED, caller, null, refusal);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        List<TokenRecord> removed = store.prune(cutoff);
        for (TokenRecord record : removed) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("ended", record.revokedAt() != null && record.revokedAt().isBefore(cutoff) ? "revoked" : "expired");
            facts.put("older_than", DurationText.format(olderThan));
            audit.changed(AuditEventType.TOKEN_PRUNED, caller, record.prefix(), facts);
        }
        return Outcome.done(List.copyOf(removed));
    }

    /** What {@link #prune} would remove now, removing nothing. */
    Outcome<List<TokenRecord>> prunable(Caller caller, Duration olderThan) {
        Refusal refusal = check(caller, olderThan);
        if (refusal != null) {
            return audit.refuse(AuditEventType.PRUNE_REFUSED, caller, null, refusal);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        List<TokenRecord> ended = new ArrayList<>();
        for (TokenRecord record : pages.all(TokenQuery.all())) {
            if (record.endedBefore(cutoff)) {
                ended.add(record);
            }
        }
        return Outcome.done(ended);
    }

    private static Refusal check(Caller caller, Duration olderThan) {
        if (!caller.isRoot()) {
            return Refusal.of(Refusal.Kind.FORBIDDEN, "pruning needs a root token");
        }
        if (olderThan == null || olderThan.isNegative() || olderThan.compareTo(DurationText.LONGEST) > 0) {
            return Refusal.of(Refusal.Kind.INVALID_REQUEST, "the age to prune from must be from 0 to "
                    + DurationText.LONGEST.toDays() + "d");
        }
        return null;
    }
}
