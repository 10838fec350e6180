package dev.scopekey.cli;

import dev.scopekey.domain.FailureText;
import dev.scopekey.port.TokenStoreException;
import java.io.PrintStream;
import java.sql.SQLException;

/**
 * Tells the operator what failed in a store and what to do: the store's message, the JDBC
 * driver's own first line when a database failed, and a hint for the usual causes by SQLState
 * class. Passwords, credentials in URLs and anything token-shaped (a token pasted as a file
 * name, say) are taken out of both messages.
 */
final class StoreFailure {
    private static final int MAX_DRIVER_TEXT = 300;

    private StoreFailure() {
    }

    static void report(TokenStoreException failure, PrintStream err) {
        err.println("store error: " + TokenDetails.printable(FailureText.redact(String.valueOf(failure.getMessage()))));
        SQLException driver = driverFailure(failure);
        if (driver == null) {
            return;
        }
        if (driver.getMessage() != null) {
            err.println("  the database said: " + driverText(driver.getMessage()));
        }
        String state = driver.getSQLState() == null ? "" : driver.getSQLState();
        if (state.startsWith("42")) {
            err.println("Has the schema been created? Run '" + ScopeKeyCli.PROGRAM + " migrate --store jdbc:...' first.");
        } else if (state.startsWith("28")) {
            err.println("Check the user and password: in the URL, or in " + Stores.USER_ENV + " and "
                    + Stores.PASSWORD_ENV + ".");
        } else if (state.startsWith("08")) {
            err.println("Check that the database is running and reachable at the URL's host and port.");
        }
    }

    /** The first SQLException among the causes, or null. */
    private static SQLException driverFailure(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return (SQLException) cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The message's first line, what could be a secret taken out, bounded, control characters shown as '?'. */
    private static String driverText(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        String text = TokenDetails.printable(FailureText.redact(first));
        return text.length() <= MAX_DRIVER_TEXT ? text : text.substring(0, MAX_DRIVER_TEXT - 1) + "…";
    }
}
