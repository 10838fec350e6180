package dev.scopekey.servlet;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.service.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one place that turns a decision or a refusal into an HTTP response, as docs/http-api.md
 * (Errors) lists them: 401 with a {@code Bearer} challenge (no error attribute when no credential was sent),
 * 400 {@code invalid_request}, 401 {@code invalid_token} (also for a token used from an address
 * its allow-list leaves out, or a disabled one), 403 (challenge only when
 * {@code insufficient-scope-challenge} is on), 429 with {@code Retry-After} for a token over its
 * own rate limit, 503 with {@code Retry-After}. Bodies are
 * {@code {"error":…,"message":…}} with fixed messages that never repeat a credential.
 * Immutable and thread-safe.
 */
final class AuthResponses {
    /** Seconds a client is told to wait when the store is unavailable. */
    static final int UNAVAILABLE_RETRY_SECONDS = 5;
    static final String JSON = "application/json;charset=utf-8";

    private static final Answer UNAVAILABLE = new Answer(503, null,
            "temporarily_unavailable", "the token store is unavailable; retry later");
    private static final String RETRY_AFTER = Integer.toString(UNAVAILABLE_RETRY_SECONDS);
    private static final Answer RATE_LIMITED = new Answer(429, null,
            "rate_limited", "this token's request rate limit is used up; retry later");

    private final String realm;
    private final boolean insufficientScopeChallenge;
    private final Answer noCredential;
    private final Answer invalidRequest;
    private final Answer invalidToken;
    private final Answer noRoute;

    /**
     * Builds the fixed answers once: they never echo what a client sent, so each is the same
     * bytes on every request.
     */
    AuthResponses(String realm, boolean insufficientScopeChallenge) {
        this.realm = realm;
        this.insufficientScopeChallenge = insufficientScopeChallenge;
        this.noCredential = new Answer(401, "Bearer realm=\"" + realm + "\"",
                "authentication_required", "a bearer token is required");
        this.invalidRequest = new Answer(400, challenge("invalid_request"),
                "invalid_request", "send exactly one bearer token, in the Authorization header");
        this.invalidToken = new Answer(401, challenge("invalid_token"),
                "invalid_token", "the token is malformed, unknown, expired or revoked");
        this.noRoute = insufficientScope(null);
    }

    /** Answers a request that was not granted. */
    void reject(HttpServletResponse response, AuthDecision decision) throws IOException {
        if (decision instanceof AuthDecision.Unavailable) {
            unavailable(response);
            return;
        }
        if (!(decision instanceof AuthDecision.Denied)) {
            throw new IllegalArgumentException("a granted request is not rejected");
        }
        AuthDecision.Denied denied = (AuthDecision.Denied) decision;
        if (denied.reason() == DenialReason.RATE_LIMITED) {
            Duration wait = denied.retryAfter() == null ? Duration.ofSeconds(1) : denied.retryAfter();
            response.setHeader("Retry-After", Long.toString(seconds(wait)));
            RATE_LIMITED.send(response);
            return;
        }
        answerFor(denied).send(response);
    }

    private Answer answerFor(AuthDecision.Denied denied) {
        DenialReason reason = denied.reason();
        if (reason == DenialReason.NO_CREDENTIAL) {
            return noCredential;
        } else if (reason == DenialReason.INVALID_REQUEST) {
            return invalidRequest;
        } else if (reason.isInvalidToken()) {
            return invalidToken;
        }
        String scope = denied.requiredScope();
        return scope == null ? noRoute : insufficientScope(scope);
    }

    /** The 403 for a route needing {@code scope} (null: no rule grants the route). */
    private Answer insufficientScope(String scope) {
        String challenge = insufficientScopeChallenge
                ? challenge("insufficient_scope") + (scope == null ? "" : ", scope=\"" + scope + "\"")
                : null;
        return new Answer(403, challenge, "insufficient_scope", scope == null
                ? "no rule grants access to this route" : "this route requires scope " + scope);
    }

    /** 503 with {@code Retry-After}: the store could not answer. */
    static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER);
        UNAVAILABLE.send(response);
    }

    /** Answers a refused administrative call; 429 carries {@code Retry-After}. */
    static void refusal(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(seconds(refusal.retryAfter())));
        }
        send(response, RefusalStatus.of(refusal.kind()), refusal.kind().code(), refusal.message());
    }

    /** Writes an error body with this status. */
    static void send(HttpServletResponse response, int status, String code, String message) throws IOException {
        write(response, status, JsonText.error(code, message));
    }

    /**
     * Writes a JSON body with this status; nothing is cached. The length is left to the container,
     * which commits the answer only when the request is done: a request body nobody read can then
     * still close the connection with a {@code Connection: close} the client sees, instead of
     * dropping a connection the client would reuse.
     */
    static void write(HttpServletResponse response, int status, String json) throws IOException {
        write(response, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(JSON);
        response.getOutputStream().write(body);
    }

    private String challenge(String error) {
        return "Bearer realm=\"" + realm + "\", error=\"" + error + "\"";
    }

    /** Whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        long secs = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, secs);
    }

    /**
     * An error answer fixed when the filter starts: its status, its challenge (or null for
     * none) and its encoded body. The body array is never handed to anything that writes to it.
     */
    private record Answer(int status, String challenge, byte[] body) {
        Answer(int status, String challenge, String code, String message) {
            this(status, challenge, JsonText.error(code, message).getBytes(StandardCharsets.UTF_8));
        }

        void send(HttpServletResponse response) throws IOException {
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(response, status, body);
        }
    }
}
