package dev.scopekey.servlet;

import dev.scopekey.domain.PlainToken;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;

/**
 * Which credential a service uses when it calls a downstream API on a caller's behalf. In
 * {@link Mode#SHARED} mode (a service many people call) a tenant-scoped operation gets the
 * caller's own bearer token and nothing else: the operator's boot-time key never stands in for
 * a caller. In {@link Mode#LOCAL} mode (one person on their own machine) the operator key is
 * that person's own and may be used. Public operations may fall back to the operator key in
 * either mode. Immutable and thread-safe.
 *
 * <p>{@link ScopeKeyFilter} publishes one, without an operator key, in the servlet context
 * attribute {@value #ATTRIBUTE}; give it the key once with {@link #withOperatorKey(String)}.
 */
public final class CallerCredentials {
    /** The servlet context attribute the filter publishes its instance under. */
    public static final String ATTRIBUTE = "dev.scopekey.servlet.CallerCredentials";
    /** The one message of every {@link AuthenticationRequiredException}. */
    public static final String AUTHENTICATION_REQUIRED =
            "this operation acts for you: authenticate with your own bearer token";

    /** How caller-scoped credentials are handed out. */
    public enum Mode {
        /** Many callers share the service: tenant-scoped operations use only the caller's token. */
        SHARED,
        /** One user on their own machine: the operator key is theirs. */
        LOCAL;

        /**
         * Reads {@code shared} or {@code local}.
         *
         * @param text the mode's name
         * @return the mode
         * @throws IllegalArgumentException for anything else
         */
        public static Mode parse(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (value.equals("shared")) {
                return SHARED;
            }
            if (value.equals("local")) {
                return LOCAL;
            }
            throw new IllegalArgumentException("mode is 'shared' or 'local'");
        }
    }

    private final Mode mode;
    private final PlainToken operatorKey;

    private CallerCredentials(Mode mode, PlainToken operatorKey) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.operatorKey = operatorKey;
    }

    /**
     * Credentials in {@code mode} with no operator key.
     *
     * @param mode shared or local
     * @return the credentials
     */
    public static CallerCredentials of(Mode mode) {
        return new CallerCredentials(mode, null);
    }

    /**
     * The instance {@link ScopeKeyFilter} published in {@code context}.
     *
     * @param context the web application's context
     * @return the filter's credentials
     * @throws IllegalStateException if no filter published one
     */
    public static CallerCredentials from(ServletContext context) {
        Object value = context.getAttribute(ATTRIBUTE);
        if (!(value instanceof CallerCredentials)) {
            throw new IllegalStateException("no CallerCredentials in the servlet context: is ScopeKeyFilter declared?");
        }
        return (CallerCredentials) value;
    }

    /**
     * These credentials with the operator's boot-time key (null or blank for none).
     *
     * @param key the operator key, or null or blank for none
     * @return the new credentials
     * @throws IllegalArgumentException if the key is not printable ASCII
     */
    public CallerCredentials withOperatorKey(String key) {
        return new CallerCredentials(mode, key == null || key.isBlank() ? null : PlainToken.of(key.strip()));
    }

    /**
     * How credentials are handed out here.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * The credential for an operation on the caller's own tenant: the caller's token, or in
     * {@code local} mode the operator key when the caller sent none.
     *
     * @param callerToken the caller's bearer token, or null
     * @return the credential to use
     * @throws AuthenticationRequiredException if there is no credential that may be used
     */
    public PlainToken forTenant(String callerToken) {
        PlainToken caller = wrap(callerToken);
        if (caller != null) {
            return caller;
        }
        if (mode == Mode.LOCAL && operatorKey != null) {
            return operatorKey;
        }
        throw new AuthenticationRequiredException();
    }

    /**
     * The credential for a public operation: the caller's token, else the operator key.
     *
     * @param callerToken the caller's bearer token, or null
     * @return the credential to use
     * @throws AuthenticationRequiredException if there is neither
     */
    public PlainToken forPublic(String callerToken) {
        PlainToken caller = wrap(callerToken);
        if (caller != null) {
            return caller;
        }
        if (operatorKey != null) {
            return operatorKey;
        }
        throw new AuthenticationRequiredException();
    }

    /**
     * {@link #forTenant(String)} with the bearer token of {@code request}.
     *
     * @param request the caller's request
     * @return the credential to use
     */
    public PlainToken forTenant(HttpServletRequest request) {
        return forTenant(bearerToken(request));
    }

    /**
     * {@link #forPublic(String)} with the bearer token of {@code request}.
     *
     * @param request the caller's request
     * @return the credential to use
     */
    public PlainToken forPublic(HttpServletRequest request) {
        return forPublic(bearerToken(request));
    }

    private static String bearerToken(HttpServletRequest request) {
        BearerCredential credential = BearerTokenResolver.fromHeaders(
                request.getHeaders(BearerTokenResolver.AUTHORIZATION));
        return credential instanceof BearerCredential.Token ? ((BearerCredential.Token) credential).reveal() : null;
    }

    private static PlainToken wrap(String token) {
        return token == null || !PlainToken.isWellFormed(token) ? null : PlainToken.of(token);
    }

    @Override
    public String toString() {
        return "CallerCredentials[mode=" + mode + ", operatorKey=" + (operatorKey == null ? "none" : "redacted") + "]";
    }
}
