package dev.scopekey.service;

import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenQuery;
import java.time.Instant;

/**
 * Self-service by subject (docs/policies.md): when enabled, a non-root store token that names a
 * subject lists and revokes that subject's tokens and mints tokens for it whose scopes its own
 * grant and which expire no later than itself; and the per-subject limit of live tokens. Immutable.
 */
final class SelfService {
    private final boolean enabled;
    private final int maxTokensPerSubject;
    private final WholeGroupPages pages;

    SelfService(boolean enabled, int maxTokensPerSubject, WholeGroupPages pages) {
        this.enabled = enabled;
        this.maxTokensPerSubject = maxTokensPerSubject;
        this.pages = pages;
    }

    /** Whether the explicit logout route may be used: only with self-service on. */
    boolean logoutAllowed() {
        return enabled;
    }

    /** The subject whose tokens {@code caller} manages itself, or null when it may not (root asks as root). */
    String subjectOf(Caller caller) {
        TokenPrincipal principal = caller.principal();
        if (!enabled || caller.isRoot() || principal == null || principal.source() != TokenSource.STORE) {
            return null;
        }
        return principal.subject();
    }

    /** Why a self-service mint for {@code subject} with {@code scopes} is refused, or null when it may go on. */
    Refusal mintProblem(Caller caller, String own, String subject, ScopeSet scopes) {
        if (subject != null && !subject.equals(own)) {
            return Refusal.of(Refusal.Kind.FORBIDDEN, "a token mints only for its own subject");
        }
        for (Scope requested : scopes) {
            if (!coveredBy(caller.principal().scopes(), requested)) {
                return Refusal.of(Refusal.Kind.FORBIDDEN, "a token mints only scopes it holds itself; it does not "
                        + "hold " + requested.value());
            }
        }
        return null;
    }

    /** Why one more live token for {@code subject} is refused, or null: the per-subject limit. */
    Refusal limitProblem(String subject, Instant now) {
        if (maxTokensPerSubject < 1 || subject == null) {
            return null;
        }
        int live = pages.all(new TokenQuery(subject, null, TokenQuery.MAX_LIMIT, now)).size();
        if (live < maxTokensPerSubject) {
            return null;
        }
        return Refusal.of(Refusal.Kind.CONFLICT, "the subject already has " + live + " live tokens, the most "
                + "allowed (" + maxTokensPerSubject + "); revoke one first");
    }

    /** Whether a token expiring at {@code expiresAt} (null: never) would outlive its minter's {@code limit}. */
    static boolean outlives(Instant expiresAt, Instant limit) {
        return limit != null && (expiresAt == null || expiresAt.isAfter(limit));
    }

    /** Whether one of {@code held} grants everything {@code requested} grants (a wildcard only by a wider one). */
    private static boolean coveredBy(ScopeSet held, Scope requested) {
        for (Scope scope : held) {
            if (scope.equals(requested)) {
                return true;
            }
            if (scope.isWildcard()) {
                String stem = scope.value().substring(0, scope.value().length() - 1);
                if (requested.value().startsWith(stem) && requested.value().length() > stem.length()) {
                    return true;
                }
            }
        }
        return false;
    }
}
