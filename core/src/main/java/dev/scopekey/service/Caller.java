package dev.scopekey.service;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenSource;
import java.util.Objects;

/**
 * Who asks for an administrative call: an authenticated principal (with the client address
 * the rate limit counts by), or the operator at the command line.
 */
public final class Caller {
    private final TokenPrincipal principal;
    private final String actor;
    private final String clientAddress;
    private final boolean operator;

    private Caller(TokenPrincipal principal, String actor, String clientAddress, boolean operator) {
        this.principal = principal;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clientAddress = clientAddress;
        this.operator = operator;
    }

    /** A request authenticated as {@code principal}, from {@code clientAddress} (may be null). */
    public static Caller of(TokenPrincipal principal, String clientAddress) {
        return new Caller(Objects.requireNonNull(principal, "principal"), principal.actor(), clientAddress, false);
    }

    /** A request with no credential, from {@code clientAddress}; refused everything but counted. */
    public static Caller anonymous(String clientAddress) {
        return unauthenticated(ActorLabel.ANONYMOUS, clientAddress);
    }

    /**
     * A request that no credential vouches for, audited under {@code actorLabel} (an adapter's
     * request while authentication is switched off, say): like {@link #anonymous}, refused every
     * administrative call but counted, so that nothing it does outlives the moment.
     */
    public static Caller unauthenticated(String actorLabel, String clientAddress) {
        return new Caller(null, actorLabel, clientAddress, false);
    }

    /** The operator with direct access to the store (the CLI): root, may mint root tokens, never rate limited. */
    public static Caller operator(String actorLabel) {
        return new Caller(null, actorLabel, null, true);
    }

    /** Root: the operator, or a principal holding {@code *} from a STORE or CONFIG token. */
    public boolean isRoot() {
        return operator || (principal != null && principal.isRoot());
    }

    /** Whether this caller may create root tokens: the operator or the CONFIG admin token. */
    public boolean mayCreateRoot() {
        return operator || (principal != null && principal.source() == TokenSource.CONFIG);
    }

    public boolean isOperator() {
        return operator;
    }

    /** The authenticated principal, or null for the operator and anonymous callers. */
    public TokenPrincipal principal() {
        return principal;
    }

    public String actor() {
        return actor;
    }

    /** The client address, or null when there is none (operator, in-process calls). */
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String toString() {
        return "Caller[actor=" + actor + ", client=" + clientAddress + "]";
    }
}
