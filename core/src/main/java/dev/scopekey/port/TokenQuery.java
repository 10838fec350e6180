package dev.scopekey.port;

import java.time.Instant;

/**
 * Which records {@link TokenStore#list} returns: ordered by prefix (then hash), strictly after
 * {@code afterPrefix} when given, optionally one subject's only, at most {@code limit}.
 *
 * @param subject only this subject's tokens, or null for all
 * @param afterPrefix keyset cursor: only prefixes greater than this, or null to start
 * @param limit most records to return, 1 to {@value #MAX_LIMIT}
 * @param liveAt only tokens neither revoked nor expired at this instant, or null for every record
 */
public record TokenQuery(String subject, String afterPrefix, int limit, Instant liveAt) {
    /** The default and largest page size. */
    public static final int MAX_LIMIT = 500;

    /**
     * Checks the limit.
     *
     * @param subject only tokens of this subject, or null for all
     * @param afterPrefix keyset cursor, or null to start
     * @param limit most records to return
     * @param liveAt only tokens live at this instant, or null
     * @throws IllegalArgumentException if {@code limit} is not 1 to {@value #MAX_LIMIT}
     */
    public TokenQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /**
     * The first page of every record, live or not.
     *
     * @return the query
     */
    public static TokenQuery all() {
        return new TokenQuery(null, null, MAX_LIMIT, null);
    }

    /**
     * The same query, for one subject.
     *
     * @param newSubject the subject, or null for all
     * @return the new query
     */
    public TokenQuery withSubject(String newSubject) {
        return new TokenQuery(newSubject, afterPrefix, limit, liveAt);
    }

    /**
     * The same query, starting after a display prefix (the previous page's cursor).
     *
     * @param prefix the cursor, or null to start
     * @return the new query
     */
    public TokenQuery after(String prefix) {
        return new TokenQuery(subject, prefix, limit, liveAt);
    }

    /**
     * The same query, with another page size.
     *
     * @param newLimit most records to return, 1 to {@value #MAX_LIMIT}
     * @return the new query
     */
    public TokenQuery withLimit(int newLimit) {
        return new TokenQuery(subject, afterPrefix, newLimit, liveAt);
    }

    /**
     * The same query, for tokens neither revoked nor expired at an instant.
     *
     * @param instant the instant, or null for every record
     * @return the new query
     */
    public TokenQuery liveAt(Instant instant) {
        return new TokenQuery(subject, afterPrefix, limit, instant);
    }
}
