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

    public TokenQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** The first page of every record, live or not. */
    public static TokenQuery all() {
        return new TokenQuery(null, null, MAX_LIMIT, null);
    }

    public TokenQuery withSubject(String newSubject) {
        return new TokenQuery(newSubject, afterPrefix, limit, liveAt);
    }

    public TokenQuery after(String prefix) {
        return new TokenQuery(subject, prefix, limit, liveAt);
    }

    public TokenQuery withLimit(int newLimit) {
        return new TokenQuery(subject, afterPrefix, newLimit, liveAt);
    }

    public TokenQuery liveAt(Instant instant) {
        return new TokenQuery(subject, afterPrefix, limit, instant);
    }
}
