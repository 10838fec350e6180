package dev.scopekey.cli;

import java.util.Objects;

/**
 * Where the CLI finds its tokens, as given to {@code --store}: {@code file:PATH} (a token file,
 * the path absolute or relative to the working directory) or {@code jdbc:URL} (a database).
 * {@link #toString()} leaves out a JDBC URL, which may carry a password.
 *
 * @param kind file or database
 * @param location the file path, or the whole JDBC URL including {@code jdbc:}
 * @param create whether a missing token file is created ({@code --create}); without it a missing
 *     file is an error, so a mistyped path never becomes a new empty store
 */
record StoreSpec(Kind kind, String location, boolean create) {

    /** The two kinds of store the CLI opens. */
    public enum Kind {
        /** A token file. */
        FILE,
        /** A database, through JDBC. */
        JDBC
    }

    /**
     * Checks both parts are present.
     *
     * @param kind file or database
     * @param location the file path or the JDBC URL
     * @param create whether a missing token file is created ({@code --create}, {@code mint --init})
     */
    public StoreSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /**
     * A store that must already exist.
     *
     * @param kind file or database
     * @param location the file path or the JDBC URL
     */
    public StoreSpec(Kind kind, String location) {
        this(kind, location, false);
    }

    /**
     * This store, a missing token file to be created.
     *
     * @return the same store, created when missing
     */
    public StoreSpec creating() {
        return new StoreSpec(kind, location, true);
    }

    /**
     * Reads a {@code --store} value.
     *
     * @param text the option's value
     * @return the store it names
     * @throws IllegalArgumentException if it is neither {@code file:PATH} nor {@code jdbc:URL};
     *     the message does not repeat the value
     */
    public static StoreSpec parse(String text) {
        if (text != null && text.startsWith("file:") && text.length() > "file:".length()) {
            return new StoreSpec(Kind.FILE, text.substring("file:".length()));
        }
        if (text != null && text.startsWith("jdbc:") && text.length() > "jdbc:".length()) {
            return new StoreSpec(Kind.JDBC, text);
        }
        throw new IllegalArgumentException("a store is file:PATH (a token file) or jdbc:URL (a database)");
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? "file:" + location : "jdbc:…";
    }
}
