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
 * 400 {@code invalid_request}, 401 {@code invalid_token}, 403 (challenge only when
 * {@code insufficient-scope-challenge} is on), 503 with {@code Retry-After}. Bodies are
 * {@code {"error":…,"message":…}} with fixed messages that never repeat a credential.
 * Immutable and thread-safe.
 */
final class AuthResponses {
    /** Seconds a client is told to wait when the store is unavailable. */
    static final int UNAVAILABLE_RETRY_SECONDS = 5;
    static final String JSON = "application/json;charset=utf-8";

    private final String realm;
    private final boolean insufficientScopeChallenge;

    AuthResponses(String realm, boolean insufficientScopeChallenge) {
        this.realm = realm;
        this.insufficientScopeChallenge = insufficientScopeChallenge;
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
        DenialReason reason = denied.reason();
        if (reason == DenialReason.NO_CREDENTIAL) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
            send(response, 401, "authentication_required", "a bearer token is required");
        } else if (reason == DenialReason.INVALID_REQUEST) {
            response.setHeader("WWW-Authenticate", challenge("invalid_request"));
            send(response, 400, "invalid_request",
                    "send exactly one bearer token, in the Authorization header");
        } else if (reason.isInvalidToken()) {
            response.setHeader("WWW-Authenticate", challenge("invalid_token"));
            send(response, 401, "invalid_token", "the token is malformed, unknown, expired or revoked");
        } else {
            String scope = denied.requiredScope();
            if (insufficientScopeChallenge) {
                response.setHeader("WWW-Authenticate", challenge("insufficient_scope")
                        + (scope == null ? "" : ", scope=\"" + scope + "\""));
            }
            send(response, 403, "insufficient_scope", scope == null
                    ? "no rule grants access to this route" : "this route requires scope " + scope);
        }
    }

    /** 503 with {@code Retry-After}: the store could not answer. */
    static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(UNAVAILABLE_RETRY_SECONDS));
        send(response, 503, "temporarily_unavailable", "the token store is unavailable; retry later");
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
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
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
}
