package dev.scopekey.spring;

import dev.scopekey.servlet.ScopeKeyFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code scopekey.*} properties: the {@code web.xml} init-params of {@link ScopeKeyFilter}
 * and {@link dev.scopekey.servlet.TokenAdminServlet} under the same names, plus where the store
 * is and where the admin API is served. They are checked by the filter's own rules
 * ({@link ScopeKeyFilter#validate}), so a value the filter refuses stops the start with its
 * message; a name that is not one of them stops it too. Bound by Spring Boot; not thread-safe
 * while binding, read-only afterwards.
 */
@ConfigurationProperties(prefix = "scopekey", ignoreUnknownFields = false)
public class ScopeKeyProperties {
    /** The value of {@code scopekey.store} for the application's {@code DataSource}. */
    public static final String JDBC = "jdbc";
    /** The value of {@code scopekey.store} for tokens in process memory (lost on restart). */
    public static final String MEMORY = "memory";
    /** How a value of {@code scopekey.store} naming a token file starts. */
    public static final String FILE = "file:";

    private String store;
    private List<String> rules = List.of();
    private List<String> publicPaths = List.of();
    private String unmatched;
    private Boolean enabled;
    private String realm;
    private String adminTokenEnv;
    private String mode;
    private Boolean insufficientScopeChallenge;
    private Boolean formBodyTokenCheck;
    private String mintRate;
    private String adminApiPath = "/api/auth/tokens";
    private final Jdbc jdbc = new Jdbc();

    /** Creates the properties with their defaults. */
    public ScopeKeyProperties() {
    }

    /**
     * The filter's init-params these properties stand for, by their {@code web.xml} names; a
     * property left unset is absent, so the filter's default applies.
     *
     * @return the init-params, in a new modifiable map
     */
    public Map<String, String> filterInitParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "rules", rules.isEmpty() ? null : String.join("\n", rules));
        put(params, "public-paths", publicPaths.isEmpty() ? null : String.join("\n", publicPaths));
        put(params, "unmatched", unmatched);
        put(params, "enabled", enabled);
        put(params, "realm", realm);
        put(params, "mode", mode);
        put(params, "insufficient-scope-challenge", insufficientScopeChallenge);
        put(params, "form-body-token-check", formBodyTokenCheck);
        return params;
    }

    /**
     * Checks every property as the filter and the admin servlet would check their init-params.
     *
     * @throws IllegalArgumentException naming the property and what it accepts
     */
    public void validate() {
        Map<String, String> params = filterInitParameters();
        put(params, "admin-token-env", adminTokenEnv);
        try {
            ScopeKeyFilter.validate(params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scopekey.* properties: " + e.getMessage(), e);
        }
        if (store != null && !store.isBlank() && !JDBC.equals(store.strip()) && !MEMORY.equals(store.strip())
                && !(store.strip().startsWith(FILE) && store.strip().length() > FILE.length())) {
            throw new IllegalArgumentException("scopekey.store is jdbc (the application's DataSource), "
                    + "file:<path> (a token file) or memory");
        }
        String path = adminApiPath == null ? "" : adminApiPath.strip();
        if (!path.isEmpty() && (!path.matches("(/[A-Za-z0-9._~-]+)+"))) {
            throw new IllegalArgumentException("scopekey.admin-api-path is a path such as /api/auth/tokens "
                    + "(segments of letters, digits, '.', '_', '~', '-'), or empty for no admin API");
        }
    }

    private static void put(Map<String, String> params, String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }

    /**
     * Where tokens are kept: {@code jdbc}, {@code file:<path>} or {@code memory}.
     *
     * @return the store, or null when not set
     */
    public String getStore() {
        return store;
    }

    /**
     * Sets where tokens are kept.
     *
     * @param store {@code jdbc}, {@code file:<path>} or {@code memory}
     */
    public void setStore(String store) {
        this.store = store;
    }

    /**
     * The route rules, one {@code METHOD PATH-PATTERN SCOPE} each.
     *
     * @return the rules
     */
    public List<String> getRules() {
        return rules;
    }

    /**
     * Sets the route rules.
     *
     * @param rules lines {@code METHOD PATH-PATTERN SCOPE}
     */
    public void setRules(List<String> rules) {
        this.rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * The path patterns open without a token.
     *
     * @return the patterns
     */
    public List<String> getPublicPaths() {
        return publicPaths;
    }

    /**
     * Sets the path patterns open without a token.
     *
     * @param publicPaths the patterns
     */
    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /**
     * What a request no rule matches needs: {@code authenticated} or {@code deny}.
     *
     * @return the value, or null for the filter's default
     */
    public String getUnmatched() {
        return unmatched;
    }

    /**
     * Sets what a request no rule matches needs.
     *
     * @param unmatched {@code authenticated} or {@code deny}
     */
    public void setUnmatched(String unmatched) {
        this.unmatched = unmatched;
    }

    /**
     * Whether authentication is on; false opens every route.
     *
     * @return the value, or null for the filter's default
     */
    public Boolean getEnabled() {
        return enabled;
    }

    /**
     * Switches authentication on or off.
     *
     * @param enabled false opens every route
     */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The realm of challenges.
     *
     * @return the realm, or null for the filter's default
     */
    public String getRealm() {
        return realm;
    }

    /**
     * Sets the realm of challenges.
     *
     * @param realm the realm
     */
    public void setRealm(String realm) {
        this.realm = realm;
    }

    /**
     * The name of the environment variable holding the break-glass root token (the name, never the token).
     *
     * @return the name, or null for none
     */
    public String getAdminTokenEnv() {
        return adminTokenEnv;
    }

    /**
     * Sets the name of the environment variable holding the break-glass root token.
     *
     * @param adminTokenEnv the variable's name
     */
    public void setAdminTokenEnv(String adminTokenEnv) {
        this.adminTokenEnv = adminTokenEnv;
    }

    /**
     * How caller-scoped credentials are handed out: {@code shared} or {@code local}.
     *
     * @return the mode, or null for the filter's default
     */
    public String getMode() {
        return mode;
    }

    /**
     * Sets how caller-scoped credentials are handed out.
     *
     * @param mode {@code shared} or {@code local}
     */
    public void setMode(String mode) {
        this.mode = mode;
    }

    /**
     * Whether a 403 carries an RFC 6750 challenge.
     *
     * @return the value, or null for the filter's default
     */
    public Boolean getInsufficientScopeChallenge() {
        return insufficientScopeChallenge;
    }

    /**
     * Sets whether a 403 carries an RFC 6750 challenge.
     *
     * @param insufficientScopeChallenge true to add it
     */
    public void setInsufficientScopeChallenge(Boolean insufficientScopeChallenge) {
        this.insufficientScopeChallenge = insufficientScopeChallenge;
    }

    /**
     * Whether the filter reads form bodies to refuse a second token in them.
     *
     * @return the value, or null for the filter's default
     */
    public Boolean getFormBodyTokenCheck() {
        return formBodyTokenCheck;
    }

    /**
     * Sets whether the filter reads form bodies to refuse a second token in them.
     *
     * @param formBodyTokenCheck true to read them
     */
    public void setFormBodyTokenCheck(Boolean formBodyTokenCheck) {
        this.formBodyTokenCheck = formBodyTokenCheck;
    }

    /**
     * The admin API's mint rate per client address, {@code <permits>/<period>}.
     *
     * @return the rate, or null for the default {@code 10/hour}
     */
    public String getMintRate() {
        return mintRate;
    }

    /**
     * Sets the admin API's mint rate.
     *
     * @param mintRate {@code <permits>/<period>}, such as {@code 10/hour}
     */
    public void setMintRate(String mintRate) {
        this.mintRate = mintRate;
    }

    /**
     * Where the token admin API is served; empty for none.
     *
     * @return the path, {@code /api/auth/tokens} unless set
     */
    public String getAdminApiPath() {
        return adminApiPath;
    }

    /**
     * Sets where the token admin API is served.
     *
     * @param adminApiPath a path such as {@code /api/auth/tokens}, or empty for none
     */
    public void setAdminApiPath(String adminApiPath) {
        this.adminApiPath = adminApiPath;
    }

    /**
     * The JDBC store's settings.
     *
     * @return the settings
     */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /** The settings of {@code scopekey.store=jdbc}. */
    public static class Jdbc {
        private boolean migrate = true;

        /** Creates the settings with their defaults. */
        public Jdbc() {
        }

        /**
         * Whether the library applies its own migrations at start (recorded in
         * {@code scopekey_schema_history}); false when Flyway or Liquibase apply the shipped scripts.
         *
         * @return true unless set
         */
        public boolean isMigrate() {
            return migrate;
        }

        /**
         * Sets whether the library applies its own migrations at start.
         *
         * @param migrate false when Flyway or Liquibase apply them
         */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }
}
