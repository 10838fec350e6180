package dev.scopekey.service;

import dev.scopekey.domain.InvalidScopeException;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rules a mint request must meet (docs/http-api.md, mint); each broken rule is a 400 refusal. */
final class MintPolicy {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_SCOPES = 100;

    private MintPolicy() {
    }

    /** The validated scopes, or a refusal. */
    static Outcome<ScopeSet> check(MintRequest request, boolean mayCreateRoot) {
        if (request.scopes().isEmpty()) {
            return invalid("at least one scope is required");
        }
        if (request.scopes().size() > MAX_SCOPES) {
            return invalid("at most " + MAX_SCOPES + " scopes per token");
        }
        List<Scope> scopes = new ArrayList<>();
        for (String text : request.scopes()) {
            Scope scope;
            try {
                scope = Scope.of(text);
            } catch (InvalidScopeException e) {
                return invalid(e.getMessage());
            }
            if (scope.isRoot() && !mayCreateRoot) {
                return invalid("the root scope * cannot be minted; an operator creates root tokens");
            }
            if (scope.touchesAdminNamespace()) {
                return invalid("scopes in the " + Scope.ADMIN_NAMESPACE + " namespace cannot be minted");
            }
            scopes.add(scope);
        }
        String textProblem = textProblem("name", request.name(), MAX_NAME_LENGTH);
        if (textProblem == null) {
            textProblem = textProblem("subject", request.subject(), MAX_SUBJECT_LENGTH);
        }
        if (textProblem != null) {
            return invalid(textProblem);
        }
        Duration lifetime = request.expiresIn();
        if (lifetime != null && (lifetime.isZero() || lifetime.isNegative())) {
            return invalid("expiresIn must be a positive duration");
        }
        return Outcome.done(ScopeSet.of(scopes));
    }

    /** Null when {@code value} is null or acceptable, else what is wrong with it. */
    static String textProblem(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > maxLength) {
            return field + " must be 1 to " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return field + " must not contain control characters";
            }
        }
        return null;
    }

    private static <T> Outcome<T> invalid(String message) {
        return Outcome.refused(Refusal.of(Refusal.Kind.INVALID_REQUEST, message));
    }
}
