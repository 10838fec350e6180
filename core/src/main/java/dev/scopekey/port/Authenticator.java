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
    Optional<TokenPrincipal> authenticate(C credential);
}
