package dev.scopekey.port;

import dev.scopekey.domain.TokenPrincipal;
import java.util.Optional;

/**
 * An integrator's credential tier, asked after the admin token and the store (a session, say).
 * Empty means "not mine": the next tier, or a denial, follows. Throw only when the tier's own
 * backing system fails; that becomes {@code Unavailable}.
 *
 * @param <C> the credential it reads (a bearer string, an HTTP request, …)
 */
@FunctionalInterface
public interface Authenticator<C> {
    /**
     * Who this credential belongs to; empty for an unknown or unusable credential, a thrown exception only for an infrastructure failure.
     *
     * @param credential what the caller presented
     * @return the principal, or empty when the credential is not known here
     */
    Optional<TokenPrincipal> authenticate(C credential);
}
