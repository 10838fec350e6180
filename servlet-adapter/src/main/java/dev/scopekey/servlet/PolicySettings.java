package dev.scopekey.servlet;

import dev.scopekey.domain.DurationText;
import dev.scopekey.service.TokenServiceBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter's init-params for the token service's policies (docs/policies.md): lifetimes, read
 * strictly like the other init-params, applied to the service the filter builds. Immutable.
 *
 * @param defaultLifetime {@code default-lifetime}, or null
 * @param maxLifetime {@code max-lifetime}, or null
 * @param allowNeverExpires {@code allow-never-expires}, or null for the service's default
 */
record PolicySettings(Duration defaultLifetime, Duration maxLifetime, Boolean allowNeverExpires) {
    static final String DEFAULT_LIFETIME = "default-lifetime";
    static final String MAX_LIFETIME = "max-lifetime";
    static final String ALLOW_NEVER_EXPIRES = "allow-never-expires";
    static final Set<String> NAMES = Set.of(DEFAULT_LIFETIME, MAX_LIFETIME, ALLOW_NEVER_EXPIRES);

    /**
     * Reads the policy init-params among {@code params}; the others are left to {@link FilterSettings}.
     *
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    static PolicySettings read(Map<String, String> params) {
        Duration defaultLifetime = duration(params, DEFAULT_LIFETIME);
        Duration maxLifetime = duration(params, MAX_LIFETIME);
        if (defaultLifetime != null && maxLifetime != null && defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException(DEFAULT_LIFETIME + " is longer than " + MAX_LIFETIME);
        }
        return new PolicySettings(defaultLifetime, maxLifetime, bool(params, ALLOW_NEVER_EXPIRES));
    }

    /** Whether any policy init-param was given. */
    boolean any() {
        return !equals(new PolicySettings(null, null, null));
    }

    /** Applies the policies given to {@code builder}. */
    TokenServiceBuilder applyTo(TokenServiceBuilder builder) {
        builder.defaultLifetime(defaultLifetime).maxLifetime(maxLifetime);
        if (allowNeverExpires != null) {
            builder.allowNeverExpires(allowNeverExpires);
        }
        return builder;
    }

    private static Duration duration(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static Boolean bool(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default: throw new IllegalArgumentException(name + " is 'true' or 'false'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
