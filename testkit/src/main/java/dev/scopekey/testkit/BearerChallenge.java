package dev.scopekey.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Bearer} challenge of a response's {@code WWW-Authenticate} header (RFC 6750 §3),
 * with its attributes: {@code realm}, {@code error}, {@code error_description}, {@code error_uri},
 * {@code scope}. {@link HttpAuthAssert} returns it so a test can check more:
 *
 * <pre>{@code
 * BearerChallenge challenge = HttpAuthAssert.assertInvalidToken(reply);
 * assertEquals("orders", challenge.realm());
 * }</pre>
 *
 * <p>Immutable. Attribute names are compared without regard to case, values as sent (quoted
 * strings unescaped).
 */
public final class BearerChallenge {
    private final Map<String, String> params;

    private BearerChallenge(Map<String, String> params) {
        this.params = params;
    }

    /**
     * The {@code Bearer} challenge among all {@code WWW-Authenticate} values of {@code reply}, if any.
     *
     * @param reply the reply under test
     * @return the challenge, or empty when there is none
     * @throws IllegalArgumentException if the header breaks the RFC 9110 challenge grammar, names
     *     a parameter twice, holds more than one {@code Bearer} challenge, or gives {@code Bearer} a
     *     token68 instead of attributes (the message never repeats header text)
     */
    public static Optional<BearerChallenge> of(HttpReply reply) {
        BearerChallenge found = null;
        for (ChallengeParser.Challenge challenge : ChallengeParser.parse(reply.headerValues("WWW-Authenticate"))) {
            if (!challenge.scheme().equalsIgnoreCase("Bearer")) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException("WWW-Authenticate holds more than one Bearer challenge");
            }
            if (challenge.token68() != null) {
                throw new IllegalArgumentException("a Bearer challenge carries attributes, not a token68 (RFC 6750 §3)");
            }
            found = new BearerChallenge(challenge.params());
        }
        return Optional.ofNullable(found);
    }

    /**
     * An attribute by name (any case), or null.
     *
     * @param name the attribute's name
     * @return its value, or null
     */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Every attribute, by lower-case name, in the order sent.
     *
     * @return the attributes, unmodifiable
     */
    public Map<String, String> params() {
        return params;
    }

    /**
     * The {@code realm} attribute, or null.
     *
     * @return the realm, or null
     */
    public String realm() {
        return param("realm");
    }

    /**
     * The error code ({@code invalid_request}, {@code invalid_token}, {@code insufficient_scope}), or null.
     *
     * @return the error code, or null
     */
    public String error() {
        return param("error");
    }

    /**
     * The {@code error_description} attribute, or null.
     *
     * @return the description, or null
     */
    public String errorDescription() {
        return param("error_description");
    }

    /**
     * The {@code scope} attribute split at spaces, as RFC 6750 §3 defines it; empty if absent.
     *
     * @return the scopes, possibly none
     */
    public List<String> scopes() {
        String scope = param("scope");
        return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split(" +"));
    }

    @Override
    public String toString() {
        return Redactor.redact("Bearer " + params, List.of());
    }
}
