package dev.scopekey.testkit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on how a bearer-protected resource answered, as RFC 6750 §3 and the scopekey filter
 * define it: 401 with a challenge and no error attribute, 400 {@code invalid_request}, 401
 * {@code invalid_token}, 403 with or without the {@code insufficient_scope} challenge, 503 with
 * {@code Retry-After}. {@code WWW-Authenticate} is parsed by its grammar, not compared as text,
 * so attribute order, quoting and extra attributes do not matter.
 *
 * <pre>{@code
 * HttpAuthAssert.assertAuthenticationRequired(http.get("/reports", null));
 * HttpAuthAssert.assertInvalidToken(http.get("/reports", "not-a-token"));
 * HttpAuthAssert.assertForbiddenWithoutChallenge(http.post("/reports", readOnlyToken, "text/plain", "x"));
 * }</pre>
 *
 * <p>A failure message shows the status, every header and the start of the body, with
 * token-shaped text (every minted token is), the credential after any {@code Bearer}, the
 * request's own token and the harness's watched tokens redacted: never a secret.
 */
public final class HttpAuthAssert {
    private HttpAuthAssert() {
    }

    /**
     * Asserts the status, showing the whole (redacted) reply when it differs.
     *
     * @param reply the reply under test
     * @param expected the status it must have
     * @return the reply
     */
    public static HttpReply assertStatus(HttpReply reply, int expected) {
        if (reply.status() != expected) {
            throw failure("status " + expected, reply);
        }
        return reply;
    }

    /**
     * Asserts 401 with a {@code Bearer} challenge that carries no {@code error} (nor
     * {@code error_description}, {@code error_uri}): the answer to a request without a bearer
     * token (RFC 6750 §3.1).
     *
     * @param reply the reply under test
     * @return its challenge
     */
    public static BearerChallenge assertAuthenticationRequired(HttpReply reply) {
        String expected = "401 with a Bearer challenge and no error attribute (RFC 6750 §3.1)";
        BearerChallenge challenge = challenge(reply, 401, expected);
        if (challenge.error() != null || challenge.errorDescription() != null || challenge.param("error_uri") != null) {
            throw failure(expected, reply);
        }
        return challenge;
    }

    /**
     * Asserts 400 with a {@code Bearer} challenge, {@code error="invalid_request"}.
     *
     * @param reply the reply under test
     * @return its challenge
     */
    public static BearerChallenge assertInvalidRequest(HttpReply reply) {
        return challengeWithError(reply, 400, "invalid_request");
    }

    /**
     * Asserts 401 with a {@code Bearer} challenge, {@code error="invalid_token"}.
     *
     * @param reply the reply under test
     * @return its challenge
     */
    public static BearerChallenge assertInvalidToken(HttpReply reply) {
        return challengeWithError(reply, 401, "invalid_token");
    }

    /**
     * Asserts 403 without any {@code Bearer} challenge: scopekey's default for a missing scope.
     *
     * @param reply the reply under test
     * @return the reply
     */
    public static HttpReply assertForbiddenWithoutChallenge(HttpReply reply) {
        String expected = "403 without a Bearer challenge";
        if (reply.status() != 403 || parse(reply, expected).isPresent()) {
            throw failure(expected, reply);
        }
        return reply;
    }

    /**
     * Asserts 403 with a {@code Bearer} challenge, {@code error="insufficient_scope"}, whose
     * {@code scope} attribute lists {@code requiredScope} (option
     * {@code insufficient-scope-challenge=true}).
     *
     * @param reply the reply under test
     * @param requiredScope the scope the challenge must name
     * @return its challenge
     */
    public static BearerChallenge assertInsufficientScopeChallenge(HttpReply reply, String requiredScope) {
        BearerChallenge challenge = challengeWithError(reply, 403, "insufficient_scope");
        if (!challenge.scopes().contains(requiredScope)) {
            throw failure("403 with an insufficient_scope challenge naming scope " + requiredScope, reply);
        }
        return challenge;
    }

    /**
     * Asserts 403, with no {@code Bearer} challenge or an {@code insufficient_scope} one.
     *
     * @param reply the reply under test
     * @return the challenge, if there was one
     */
    public static Optional<BearerChallenge> assertForbidden(HttpReply reply) {
        String expected = "403, without a challenge or with an insufficient_scope one";
        Optional<BearerChallenge> challenge = parse(reply, expected);
        if (reply.status() != 403 || challenge.filter(c -> !"insufficient_scope".equals(c.error())).isPresent()) {
            throw failure(expected, reply);
        }
        return challenge;
    }

    /**
     * Asserts 503 with a valid {@code Retry-After} (delay-seconds or an HTTP-date, RFC 9110
     * §10.2.3), and no {@code Bearer} challenge: an unavailable store is never an authentication
     * failure.
     *
     * @param reply the reply under test
     * @return the {@code Retry-After} value
     */
    public static String assertUnavailable(HttpReply reply) {
        String expected = "503 with Retry-After and no Bearer challenge";
        if (reply.status() != 503 || parse(reply, expected).isPresent()) {
            throw failure(expected, reply);
        }
        String retryAfter = reply.header("Retry-After");
        if (retryAfter == null || !isRetryAfter(retryAfter.strip())) {
            throw failure(expected + " (delay-seconds or an HTTP-date)", reply);
        }
        return retryAfter.strip();
    }

    private static BearerChallenge challengeWithError(HttpReply reply, int status, String error) {
        String expected = status + " with a Bearer challenge, error=\"" + error + "\"";
        BearerChallenge challenge = challenge(reply, status, expected);
        if (!error.equals(challenge.error())) {
            throw failure(expected, reply);
        }
        return challenge;
    }

    private static BearerChallenge challenge(HttpReply reply, int status, String expected) {
        Optional<BearerChallenge> challenge = parse(reply, expected);
        if (reply.status() != status || challenge.isEmpty()) {
            throw failure(expected, reply);
        }
        return challenge.get();
    }

    private static Optional<BearerChallenge> parse(HttpReply reply, String expected) {
        try {
            return BearerChallenge.of(reply);
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError("expected " + expected + ", but WWW-Authenticate is malformed ("
                    + e.getMessage() + "): " + reply);
        }
    }

    private static boolean isRetryAfter(String value) {
        if (value.matches("[0-9]{1,10}")) {
            return true;
        }
        try {
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static AssertionFailedError failure(String expected, HttpReply reply) {
        return new AssertionFailedError("expected " + expected + ", but got " + reply);
    }
}
