package dev.scopekey.cli;

/**
 * The command line itself is wrong: an unknown command or option, a missing or malformed value.
 * The CLI exits with {@link ScopeKeyCli#EXIT_USAGE}. Messages never repeat a positional
 * argument or an option's value, so a token typed in the wrong place is not echoed.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
