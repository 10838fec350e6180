package dev.scopekey.testkit;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenPrincipal;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on an {@link AuthDecision}. Failure messages describe the decision by its kind,
 * denial reason, required scope and principal (actor, subject, scopes, source) — never a token.
 *
 * <pre>{@code
 * TokenPrincipal who = AuthDecisionAssert.assertGranted(service.authenticate(token, ClientRequest.NONE));
 * AuthDecisionAssert.assertDenied(TokenChecks.authorize(service, token, "admin:write", ClientRequest.NONE), DenialReason.INSUFFICIENT_SCOPE);
 * AuthDecisionAssert.assertUnavailable(serviceOnDeadStore.authenticate(token, ClientRequest.NONE));
 * }</pre>
 */
public final class AuthDecisionAssert {
    private AuthDecisionAssert() {
    }

    /**
     * Asserts the decision grants.
     *
     * @param decision the decision under test
     * @return the principal it grants to
     */
    public static TokenPrincipal assertGranted(AuthDecision decision) {
        if (decision instanceof AuthDecision.Granted) {
            return ((AuthDecision.Granted) decision).principal();
        }
        throw new AssertionFailedError("expected the request to be granted, but it was " + describe(decision));
    }

    /**
     * Asserts the decision grants and the principal holds {@code requiredScope}.
     *
     * @param decision the decision under test
     * @param requiredScope the scope the principal must hold
     * @return the principal it grants to
     */
    public static TokenPrincipal assertGranted(AuthDecision decision, String requiredScope) {
        TokenPrincipal principal = assertGranted(decision);
        if (!principal.hasScope(requiredScope)) {
            throw new AssertionFailedError("expected a principal holding " + requiredScope + ", but it was "
                    + describe(decision));
        }
        return principal;
    }

    /**
     * Asserts the decision denies, for any reason.
     *
     * @param decision the decision under test
     * @return the denial
     */
    public static AuthDecision.Denied assertDenied(AuthDecision decision) {
        if (decision instanceof AuthDecision.Denied) {
            return (AuthDecision.Denied) decision;
        }
        throw new AssertionFailedError("expected the request to be denied, but it was " + describe(decision));
    }

    /**
     * Asserts the decision denies for {@code reason}.
     *
     * @param decision the decision under test
     * @param reason the reason it must give
     * @return the denial
     */
    public static AuthDecision.Denied assertDenied(AuthDecision decision, DenialReason reason) {
        AuthDecision.Denied denied = assertDenied(decision);
        if (denied.reason() != reason) {
            throw new AssertionFailedError("expected a denial for " + reason + ", but it was " + describe(decision));
        }
        return denied;
    }

    /**
     * Asserts no decision could be made because a store or credential tier failed.
     *
     * @param decision the decision under test
     * @return the decision
     */
    public static AuthDecision.Unavailable assertUnavailable(AuthDecision decision) {
        if (decision instanceof AuthDecision.Unavailable) {
            return (AuthDecision.Unavailable) decision;
        }
        throw new AssertionFailedError("expected the decision to be unavailable, but it was " + describe(decision));
    }

    /** The decision in words, without any token. */
    static String describe(AuthDecision decision) {
        if (decision == null) {
            return "null";
        }
        if (decision instanceof AuthDecision.Granted) {
            return "granted to " + ((AuthDecision.Granted) decision).principal();
        }
        if (decision instanceof AuthDecision.Denied) {
            AuthDecision.Denied denied = (AuthDecision.Denied) decision;
            StringBuilder text = new StringBuilder("denied for ").append(denied.reason());
            if (denied.requiredScope() != null) {
                text.append(" (required scope ").append(denied.requiredScope()).append(')');
            }
            if (denied.principal() != null) {
                text.append(" to ").append(denied.principal());
            }
            return text.toString();
        }
        return "unavailable (" + ((AuthDecision.Unavailable) decision).cause() + ")";
    }
}
