package dev.scopekey.store.file;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link FileTokenStore} behaves: how often it looks for edits an operator made to the
 * file (default {@value #DEFAULT_RECHECK_SECONDS} second), the clock that measures that interval,
 * and who besides the log hears about skipped lines. Immutable; each {@code with…} method
 * returns a copy.
 */
public final class FileTokenStoreOptions {
    /** Seconds between checks for operator edits unless configured otherwise. */
    public static final int DEFAULT_RECHECK_SECONDS = 1;

    private static final FileTokenStoreOptions DEFAULTS = new FileTokenStoreOptions(
            Duration.ofSeconds(DEFAULT_RECHECK_SECONDS), Clock.systemUTC(), warning -> { });

    private final Duration recheckInterval;
    private final Clock clock;
    private final Consumer<LineWarning> warningListener;

    private FileTokenStoreOptions(Duration recheckInterval, Clock clock, Consumer<LineWarning> warningListener) {
        this.recheckInterval = recheckInterval;
        this.clock = clock;
        this.warningListener = warningListener;
    }

    /**
     * The defaults: re-check every second, the system UTC clock, no listener.
     *
     * @return the options
     */
    public static FileTokenStoreOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Look at the file for outside edits at most once per {@code interval}; zero looks on every
     * call.
     *
     * @param interval the longest time between looks
     * @return the new options
     * @throws IllegalArgumentException if the interval is negative
     */
    public FileTokenStoreOptions withRecheckInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the re-check interval must not be negative");
        }
        return new FileTokenStoreOptions(interval, clock, warningListener);
    }

    /**
     * The clock that measures the re-check interval.
     *
     * @param value the clock
     * @return the new options
     */
    public FileTokenStoreOptions withClock(Clock value) {
        return new FileTokenStoreOptions(recheckInterval, Objects.requireNonNull(value, "clock"), warningListener);
    }

    /**
     * Also tell {@code listener} of every line skipped on each (re)load; skipped lines are
     * logged at WARN either way. The listener must not throw.
     *
     * @param listener told of each skipped line
     * @return the new options
     */
    public FileTokenStoreOptions withWarningListener(Consumer<LineWarning> listener) {
        return new FileTokenStoreOptions(recheckInterval, clock, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * How often the file is looked at for outside edits, at most.
     *
     * @return the interval
     */
    Duration recheckInterval() {
        return recheckInterval;
    }

    /**
     * The clock that measures the re-check interval.
     *
     * @return the clock
     */
    Clock clock() {
        return clock;
    }

    /**
     * Who is told of skipped lines.
     *
     * @return the listener
     */
    Consumer<LineWarning> warningListener() {
        return warningListener;
    }

    @Override
    public String toString() {
        return "FileTokenStoreOptions[recheckInterval=" + recheckInterval + ", clock=" + clock + "]";
    }
}
