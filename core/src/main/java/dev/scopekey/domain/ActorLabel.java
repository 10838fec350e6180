package dev.scopekey.domain;

/**
 * Actor labels that audit events name: who did it. Integrators register their own labels
 * (such as {@code session}) with {@link #custom(String)}.
 */
public final class ActorLabel {
    /** The break-glass admin token from configuration. */
    public static final String CONFIG = "config";
    /** The operator command line. */
    public static final String CLI = "cli";
    /** Nobody authenticated. */
    public static final String ANONYMOUS = "anonymous";
    /** The service itself, on a schedule (the scheduled prune). */
    public static final String SCHEDULER = "scheduler";
    private static final String TOKEN_PREFIX = "token:";

    private ActorLabel() {
    }

    /**
     * {@code token:<prefix>}: the token with that display prefix.
     *
     * @param prefix the token's display prefix
     * @return the label
     */
    public static String token(String prefix) {
        return TOKEN_PREFIX + prefix;
    }

    /**
     * An integrator's own label.
     *
     * @param label the integrator's label
     * @return the label
     * @throws IllegalArgumentException unless it is 1 to 32 of {@code [a-z0-9_-]} and not a built-in label
     */
    public static String custom(String label) {
        if (label == null || !label.matches("[a-z][a-z0-9_-]{0,31}")
                || label.equals(CONFIG) || label.equals(CLI) || label.equals(ANONYMOUS) || label.equals(SCHEDULER)) {
            throw new IllegalArgumentException("an actor label is 1 to 32 of [a-z0-9_-], starting with a letter, "
                    + "and not a built-in label");
        }
        return label;
    }
}
