package dev.scopekey.service;

import dev.scopekey.domain.DurationText;
import java.time.Duration;
import java.util.List;

/**
 * What to mint: scopes (as written; validated by the service), and an optional name, subject
 * and lifetime.
 *
 * @param scopes scope strings, at least one
 * @param name label of at most 100 characters without control characters, or null
 * @param subject who the token acts for, or null
 * @param expiresIn lifetime from now (the service refuses one that is not positive), or null for
 *     the service's default lifetime (no expiry when it has none), or {@link #NEVER}
 */
public record MintRequest(List<String> scopes, String name, String subject, Duration expiresIn) {
    /**
     * The {@code expiresIn} of a request for a token that never expires, which the service's
     * lifetime policy may refuse ({@link TokenServiceBuilder#allowNeverExpires}).
     */
    public static final Duration NEVER = Duration.ofSeconds(Long.MAX_VALUE);

    /**
     * Copies the scopes.
     *
     * @param scopes the scopes to grant
     * @param name a label for people
     * @param subject who the token acts for
     * @param expiresIn lifetime from now
     * @throws IllegalArgumentException if {@code expiresIn} is longer than {@link DurationText#LONGEST}
     *     (and not {@link #NEVER}):
     *     no store holds the instant such a token would expire at (read lifetimes with
     *     {@link DurationText#parse}, which never returns one)
     */
    public MintRequest {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        if (expiresIn != null && expiresIn.compareTo(DurationText.LONGEST) > 0 && !expiresIn.equals(NEVER)) {
            throw new IllegalArgumentException("a token lives at most " + DurationText.LONGEST.toDays() + " days");
        }
    }

    /**
     * A request for these scopes, unnamed, without subject or lifetime (the service's default applies).
     *
     * @param scopes the scopes to grant
     * @return the request
     */
    public static MintRequest of(String... scopes) {
        return new MintRequest(List.of(scopes), null, null, null);
    }

    /**
     * The same request, with a name.
     *
     * @param newName a label for people, or null
     * @return the new request
     */
    public MintRequest named(String newName) {
        return new MintRequest(scopes, newName, subject, expiresIn);
    }

    /**
     * The same request, for a subject.
     *
     * @param newSubject who the token acts for, or null
     * @return the new request
     */
    public MintRequest forSubject(String newSubject) {
        return new MintRequest(scopes, name, newSubject, expiresIn);
    }

    /**
     * The same request, expiring after a lifetime.
     *
     * @param lifetime lifetime from now, or null for the service's default
     * @return the new request
     */
    public MintRequest expiringIn(Duration lifetime) {
        return new MintRequest(scopes, name, subject, lifetime);
    }

    /**
     * The same request, for a token that never expires ({@link #NEVER}).
     *
     * @return the new request
     */
    public MintRequest neverExpiring() {
        return new MintRequest(scopes, name, subject, NEVER);
    }
}
