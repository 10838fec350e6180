package dev.scopekey.servlet;

/**
 * A request the admin servlet cannot take as it is: the status and error code to answer with,
 * and a message that names the problem without repeating the input.
 */
final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    BadRequestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A 400 {@code invalid_request}. */
    static BadRequestException invalid(String message) {
        return new BadRequestException(400, "invalid_request", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
