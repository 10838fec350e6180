package dev.scopekey.service;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.RequestRate;
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
 * @param allowedAddresses the addresses the token may be used from, or null for any
 * @param rateLimit the token's own request rate limit (per service instance), or null for none
 */
public record MintRequest(List<String> scopes, String name, String subject, Duration expiresIn,
                          AddressList allowedAddresses, RequestRate rateLimit) {
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
     * @param allowedAddresses the addresses the token may be used from, or null for any
     * @param rateLimit the token's own request rate limit, or null for none
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
     * A request without restrictions.
     *
     * @param scopes the scopes to grant
     * @param name a label for people, or null
     * @param subject who the token acts for, or null
     * @param expiresIn lifetime from now, or null for the service's default lifetime
     */
    public MintRequest(List<String> scopes, String name, String subject, Duration expiresIn) {
        this(scopes, name, subject, expiresIn, null, null);
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
        return new MintRequest(scopes, newName, subject, expiresIn, allowedAddresses, rateLimit);
    }

    /**
     * The same request, for a subject.
     *
     * @param newSubject who the token acts for, or null
     * @return the new request
     */
    public MintRequest forSubject(String newSubject) {
        return new MintRequest(scopes, name, newSubject, expiresIn, allowedAddresses, rateLimit);
    }

    /**
     * The same request, expiring after a lifetime.
     *
     * @param lifetime lifetime from now, or null for the service's default
     * @return the new request
     */
    public MintRequest expiringIn(Duration lifetime) {
        return new MintRequest(scopes, name, subject, lifetime, allowedAddresses, rateLimit);
    }

    /**
     * This request, for a token usable only from these addresses.
     *
     * @param addresses the allow-list, or null for any address
     * @return the new request
     */
    public MintRequest allowedFrom(AddressList addresses) {
        return new MintRequest(scopes, name, subject, expiresIn, addresses, rateLimit);
    }

    /**
     * This request, for a token with its own request rate limit.
     *
     * @param rate the rate, or null for none
     * @return the new request
     */
    public MintRequest rateLimitedTo(RequestRate rate) {
        return new MintRequest(scopes, name, subject, expiresIn, allowedAddresses, rate);
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
