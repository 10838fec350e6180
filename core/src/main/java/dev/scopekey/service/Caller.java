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

    /**
     * A request authenticated as {@code principal}, from {@code clientAddress} (may be null).
     *
     * @param principal the authenticated token
     * @param clientAddress the client's address, or null
     * @return the caller
     */
    public static Caller of(TokenPrincipal principal, String clientAddress) {
        return new Caller(Objects.requireNonNull(principal, "principal"), principal.actor(), clientAddress, false);
    }

    /**
     * A request with no credential, from {@code clientAddress}; refused everything but counted.
     *
     * @param clientAddress the client's address, or null
     * @return the caller
     */
    public static Caller anonymous(String clientAddress) {
        return unauthenticated(ActorLabel.ANONYMOUS, clientAddress);
    }

    /**
     * A request that no credential vouches for, audited under {@code actorLabel} (an adapter's
     * request while authentication is switched off, say): like {@link #anonymous}, refused every
     * administrative call but counted, so that nothing it does outlives the moment.
     *
     * @param actorLabel who the audit log names
     * @param clientAddress the client's address, or null
     * @return the caller
     */
    public static Caller unauthenticated(String actorLabel, String clientAddress) {
        return new Caller(null, actorLabel, clientAddress, false);
    }

    /**
     * The operator with direct access to the store (the CLI): root, may mint root tokens, never rate limited.
     *
     * @param actorLabel who the audit log names (for example {@code cli})
     * @return the caller
     */
    public static Caller operator(String actorLabel) {
        return new Caller(null, actorLabel, null, true);
    }

    /**
     * Root: the operator, or a principal holding {@code *} from a STORE or CONFIG token.
     *
     * @return whether the caller may administer every token
     */
    public boolean isRoot() {
        return operator || (principal != null && principal.isRoot());
    }

    /**
     * Whether this caller may create root tokens: the operator or the CONFIG admin token.
     *
     * @return whether the caller may mint a token with the root scope
     */
    public boolean mayCreateRoot() {
        return operator || (principal != null && principal.source() == TokenSource.CONFIG);
    }

    /**
     * Whether this is an operator (the CLI or application code), not an HTTP client.
     *
     * @return whether the caller is an operator
     */
    public boolean isOperator() {
        return operator;
    }

    /**
     * The authenticated principal, or null for the operator and anonymous callers.
     *
     * @return the authenticated principal, or null for an operator or an anonymous caller
     */
    public TokenPrincipal principal() {
        return principal;
    }

    /**
     * Who the audit log names for this caller.
     *
     * @return the actor label
     */
    public String actor() {
        return actor;
    }

    /**
     * The client address, or null when there is none (operator, in-process calls).
     *
     * @return the client's address, or null
     */
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String toString() {
        return "Caller[actor=" + actor + ", client=" + clientAddress + "]";
    }
}
