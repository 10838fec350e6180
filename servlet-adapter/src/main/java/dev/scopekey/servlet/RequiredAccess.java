package dev.scopekey.servlet;

import dev.scopekey.domain.Scope;
import java.util.Objects;

/**
 * What a route asks of an authenticated caller: any valid token, one concrete scope, or nothing
 * at all lets it through. A static rule's access is built once, at init; a rule with
 * {@code {var}}s builds one per request from its bound scope. Immutable.
 */
final class RequiredAccess {
    static final RequiredAccess AUTHENTICATED = new RequiredAccess(null, false);
    static final RequiredAccess DENY = new RequiredAccess(null, true);

    private final Scope scope;
    private final boolean deny;

    private RequiredAccess(Scope scope, boolean deny) {
        this.scope = scope;
        this.deny = deny;
    }

    /** Access that needs {@code scope}, a concrete scope. */
    static RequiredAccess scope(Scope scope) {
        return new RequiredAccess(Objects.requireNonNull(scope, "scope"), false);
    }

    /**
     * The scope to ask the token service for: the required scope, or null for {@link #DENY}
     * (which fails closed there) and for {@link #AUTHENTICATED} (which needs no authorize step).
     */
    Scope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return deny ? "deny" : scope == null ? "authenticated" : "scope " + scope;
    }
}
