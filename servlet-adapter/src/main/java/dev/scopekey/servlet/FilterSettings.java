package dev.scopekey.servlet;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The init-params of {@link ScopeKeyFilter}, read strictly: an unknown name or a value out of
 * range stops the start with a message that says what to write instead. Immutable.
 *
 * @param store {@code file:<path>} or {@code jndi:<name>}, or null
 * @param rules the route rules text, or null
 * @param publicPaths the public path patterns, or null
 * @param unmatched what a request no rule matches needs
 * @param enabled false opens every route
 * @param realm the realm of challenges
 * @param adminTokenEnv the name of the environment variable holding the break-glass token, or null
 * @param mode how caller-scoped credentials are handed out
 * @param insufficientScopeChallenge whether a 403 carries an RFC 6750 challenge
 * @param formBodyTokenCheck whether the filter buffers the form body of a request with a bearer
 *     header to refuse a second token in its {@code access_token} parameter
 */
record FilterSettings(String store, String rules, String publicPaths, RequiredAccess unmatched, boolean enabled,
                      String realm, String adminTokenEnv, CallerCredentials.Mode mode,
                      boolean insufficientScopeChallenge, boolean formBodyTokenCheck) {
    static final String STORE = "store";
    static final String RULES = "rules";
    static final String PUBLIC_PATHS = "public-paths";
    static final String UNMATCHED = "unmatched";
    static final String ENABLED = "enabled";
    static final String REALM = "realm";
    static final String ADMIN_TOKEN_ENV = "admin-token-env";
    static final String MODE = "mode";
    static final String INSUFFICIENT_SCOPE_CHALLENGE = "insufficient-scope-challenge";
    static final String FORM_BODY_TOKEN_CHECK = "form-body-token-check";
    static final Set<String> NAMES = Set.of(STORE, RULES, PUBLIC_PATHS, UNMATCHED, ENABLED, REALM, ADMIN_TOKEN_ENV,
            MODE, INSUFFICIENT_SCOPE_CHALLENGE, FORM_BODY_TOKEN_CHECK);
    static final String DEFAULT_REALM = "scopekey";

    /**
     * Reads the init-params.
     *
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    static FilterSettings read(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name) && !PolicySettings.NAMES.contains(name)) {
                java.util.Set<String> known = new java.util.TreeSet<>(NAMES);
                known.addAll(PolicySettings.NAMES);
                throw new IllegalArgumentException("unknown init-param '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        String unmatchedText = value(params, UNMATCHED, "authenticated");
        RequiredAccess unmatched;
        if (unmatchedText.equals("authenticated")) {
            unmatched = RequiredAccess.AUTHENTICATED;
        } else if (unmatchedText.equals("deny")) {
            unmatched = RequiredAccess.DENY;
        } else {
            throw new IllegalArgumentException(UNMATCHED + " is 'authenticated' or 'deny'");
        }
        String realm = checkedRealm(params.get(REALM));
        String adminTokenEnv = envName(ADMIN_TOKEN_ENV, params.get(ADMIN_TOKEN_ENV));
        return new FilterSettings(blankToNull(params.get(STORE)), params.get(RULES), params.get(PUBLIC_PATHS),
                unmatched, bool(params, ENABLED, true), realm, adminTokenEnv,
                CallerCredentials.Mode.parse(value(params, MODE, "shared")),
                bool(params, INSUFFICIENT_SCOPE_CHALLENGE, false), bool(params, FORM_BODY_TOKEN_CHECK, false));
    }

    /**
     * The realm of challenges: {@code given}, or {@value #DEFAULT_REALM} when blank.
     *
     * @throws IllegalArgumentException if it is not 1 to 100 printable ASCII characters without quote or backslash
     */
    static String checkedRealm(String given) {
        String realm = blankToNull(given);
        realm = realm == null ? DEFAULT_REALM : realm;
        if (!realm.matches("[\\x20-\\x7e&&[^\"\\\\]]{1,100}")) {
            throw new IllegalArgumentException(REALM + " is 1 to 100 printable ASCII characters without '\"' or '\\'");
        }
        return realm;
    }

    /**
     * The name of an environment variable given in init-param {@code param}, or null when blank.
     *
     * @throws IllegalArgumentException if it is not a variable name
     */
    static String envName(String param, String given) {
        String name = blankToNull(given);
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw new IllegalArgumentException(param + " is the name of an environment variable");
        }
        return name;
    }

    private static String value(Map<String, String> params, String name, String fallback) {
        String value = blankToNull(params.get(name));
        return value == null ? fallback : value;
    }

    private static boolean bool(Map<String, String> params, String name, boolean fallback) {
        String value = value(params, name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " is 'true' or 'false'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
