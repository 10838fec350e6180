package dev.scopekey.service;

import java.time.Duration;
import java.util.List;

/**
 * What to mint: scopes (as written; validated by the service), and an optional name, subject
 * and lifetime.
 *
 * @param scopes scope strings, at least one
 * @param name label of at most 100 characters without control characters, or null
 * @param subject who the token acts for, or null
 * @param expiresIn lifetime from now, or null for no expiry
 */
public record MintRequest(List<String> scopes, String name, String subject, Duration expiresIn) {
    public MintRequest {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public static MintRequest of(String... scopes) {
        return new MintRequest(List.of(scopes), null, null, null);
    }

    public MintRequest named(String newName) {
        return new MintRequest(scopes, newName, subject, expiresIn);
    }

    public MintRequest forSubject(String newSubject) {
        return new MintRequest(scopes, name, newSubject, expiresIn);
    }

    public MintRequest expiringIn(Duration lifetime) {
        return new MintRequest(scopes, name, subject, lifetime);
    }
}
