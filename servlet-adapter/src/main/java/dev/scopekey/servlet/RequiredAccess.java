package dev.scopekey.servlet;

/**
 * What a route asks of an authenticated caller: any valid token, one concrete scope, or nothing
 * at all lets it through. Immutable.
 */
final class RequiredAccess {
    static final RequiredAccess AUTHENTICATED = new RequiredAccess(null, false);
    static final RequiredAccess DENY = new RequiredAccess(null, true);

    private final String scope;
    private final boolean deny;

    private RequiredAccess(String scope, boolean deny) {
        this.scope = scope;
        this.deny = deny;
    }

    static RequiredAccess scope(String scope) {
        return new RequiredAccess(scope, false);
    }

    /** The scope required, or null for {@link #AUTHENTICATED} and {@link #DENY}. */
    String scope() {
        return scope;
    }

    boolean isDeny() {
        return deny;
    }

    @Override
    public String toString() {
        return deny ? "deny" : scope == null ? "authenticated" : "scope " + scope;
    }
}
