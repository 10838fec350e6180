package dev.scopekey.servlet;

import dev.scopekey.domain.DurationText;
import dev.scopekey.service.TokenServiceBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter's init-params for the token service's policies (docs/policies.md): lifetimes,
 * scheduled pruning, the expiry notice and self-service, read strictly like the other init-params and applied to the service the
 * filter builds. Immutable.
 *
 * @param defaultLifetime {@code default-lifetime}, or null
 * @param maxLifetime {@code max-lifetime}, or null
 * @param allowNeverExpires {@code allow-never-expires}, or null for the service's default
 * @param pruneEvery {@code prune-every}, or null for no scheduled prune
 * @param pruneOlderThan {@code prune-older-than}, or null
 * @param expiryNotice {@code expiry-notice}, or null for none
 * @param selfService {@code self-service}
 * @param maxTokensPerSubject {@code max-tokens-per-subject}, 0 for no limit
 */
record PolicySettings(Duration defaultLifetime, Duration maxLifetime, Boolean allowNeverExpires,
                      Duration pruneEvery, Duration pruneOlderThan, Duration expiryNotice,
                      boolean selfService, int maxTokensPerSubject) {
    static final String DEFAULT_LIFETIME = "default-lifetime";
    static final String MAX_LIFETIME = "max-lifetime";
    static final String ALLOW_NEVER_EXPIRES = "allow-never-expires";
    static final String PRUNE_EVERY = "prune-every";
    static final String PRUNE_OLDER_THAN = "prune-older-than";
    static final String EXPIRY_NOTICE = "expiry-notice";
    static final String SELF_SERVICE = "self-service";
    static final String MAX_TOKENS_PER_SUBJECT = "max-tokens-per-subject";
    static final Duration DEFAULT_PRUNE_OLDER_THAN = Duration.ofDays(30);
    static final Set<String> NAMES = Set.of(DEFAULT_LIFETIME, MAX_LIFETIME, ALLOW_NEVER_EXPIRES, PRUNE_EVERY,
            PRUNE_OLDER_THAN, EXPIRY_NOTICE, SELF_SERVICE, MAX_TOKENS_PER_SUBJECT);

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
        Duration pruneEvery = duration(params, PRUNE_EVERY);
        Duration pruneOlderThan = duration(params, PRUNE_OLDER_THAN);
        if (pruneOlderThan != null && pruneEvery == null) {
            throw new IllegalArgumentException(PRUNE_OLDER_THAN + " needs " + PRUNE_EVERY + " (how often to prune)");
        }
        return new PolicySettings(defaultLifetime, maxLifetime, bool(params, ALLOW_NEVER_EXPIRES), pruneEvery,
                pruneEvery != null && pruneOlderThan == null ? DEFAULT_PRUNE_OLDER_THAN : pruneOlderThan,
                duration(params, EXPIRY_NOTICE), Boolean.TRUE.equals(bool(params, SELF_SERVICE)),
                count(params, MAX_TOKENS_PER_SUBJECT));
    }

    /** Whether any policy init-param was given. */
    boolean any() {
        return !equals(new PolicySettings(null, null, null, null, null, null, false, 0));
    }

    /** Applies the policies given to {@code builder}. */
    TokenServiceBuilder applyTo(TokenServiceBuilder builder) {
        builder.defaultLifetime(defaultLifetime).maxLifetime(maxLifetime);
        if (allowNeverExpires != null) {
            builder.allowNeverExpires(allowNeverExpires);
        }
        if (pruneEvery != null) {
            builder.pruneEvery(pruneEvery, pruneOlderThan);
        }
        return builder.expiryNotice(expiryNotice).selfService(selfService).maxTokensPerSubject(maxTokensPerSubject);
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

    private static int count(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= 1_000_000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // the one message below
        }
        throw new IllegalArgumentException(name + " is a whole number from 1 to 1000000");
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
