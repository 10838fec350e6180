package dev.scopekey.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes an infrastructure failure for a log line or an {@code Unavailable} decision: the
 * exception's class and message and those of its causes, with what could be a secret taken out
 * ({@code password=…} and similar settings, the password in a URL, bearer credentials, anything
 * shaped like a token), bounded in length. A JDBC driver's message may carry the connection URL;
 * this is what keeps its password out of the log. Not yet escaped for a log line: the values that
 * carry it ({@link HealthChange}, {@link AuthDecision.Unavailable}) keep it to one line
 * ({@link LogText#line}). Thread-safe.
 */
public final class FailureText {
    /** Longest description, in characters. */
    public static final int MAX_LENGTH = 500;
    private static final int MAX_CAUSES = 3;
    private static final String REDACTED = "***";
    private static final Pattern SETTING = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|access_token|api[_-]?key|credentials?)(\\s*[=:]\\s*)"
                    + "[^\\s&;,)'\"]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/\\s:@]+):[^/\\s@]+@");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s,;]+");
    private static final Pattern TOKEN_SHAPED = Pattern.compile("[A-Za-z0-9_\\-]{32,}");

    private FailureText() {
    }

    /**
     * {@code Class: message (Cause: message; ...)}, sanitised, at most {@value #MAX_LENGTH} characters.
     *
     * @param failure the exception
     * @return its class and message, with secrets taken out
     */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        StringBuilder text = new StringBuilder(describe(failure));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < MAX_CAUSES; depth++) {
            text.append(depth == 0 ? " (caused by " : "; caused by ").append(describe(cause));
            cause = cause.getCause();
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            text.append(')');
        }
        return bounded(redact(text.toString()));
    }

    /**
     * As {@link #of(Throwable)}, after the name of what failed ({@code source}'s class).
     *
     * @param source the part that failed
     * @param failure the exception
     * @return the part, the exception's class and its message, with secrets taken out
     */
    public static String of(Object source, Throwable failure) {
        Class<?> type = source.getClass();
        String name = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        return bounded(name + ": " + of(failure));
    }

    /**
     * {@code text} with what could be a secret replaced by {@value #REDACTED}.
     *
     * @param text any text
     * @return the text with passwords, keys and token-shaped strings taken out
     */
    public static String redact(String text) {
        String out = SETTING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        out = URL_PASSWORD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + REDACTED + "@"));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + REDACTED));
        return TOKEN_SHAPED.matcher(out).replaceAll(REDACTED);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
