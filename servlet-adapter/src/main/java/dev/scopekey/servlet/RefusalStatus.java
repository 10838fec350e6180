package dev.scopekey.servlet;

import dev.scopekey.service.Refusal;

/**
 * The HTTP status of each kind of refusal (docs/http-api.md): the core names what went wrong,
 * only the servlet adapter knows HTTP. The switch has no default, so a new kind does not compile
 * until it has a status.
 */
final class RefusalStatus {
    private RefusalStatus() {
    }

    /** The status a refusal of this kind is answered with. */
    static int of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
        };
    }
}
