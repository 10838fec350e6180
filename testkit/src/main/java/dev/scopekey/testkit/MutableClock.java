package dev.scopekey.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, so expiry, rotation grace and rate limits can be tested without
 * waiting. It never moves on its own. Thread-safe; copies made by {@link #withZone} share the
 * same time.
 */
public final class MutableClock extends Clock {
    /** Where {@link #start()} begins: a fixed, whole-second instant. */
    public static final Instant DEFAULT_START = Instant.parse("2030-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A UTC clock standing at {@link #DEFAULT_START}.
     *
     * @return the clock
     */
    public static MutableClock start() {
        return at(DEFAULT_START);
    }

    /**
     * A UTC clock standing at {@code instant}.
     *
     * @param instant the time it stands at
     * @return the clock
     */
    public static MutableClock at(Instant instant) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or back, for a negative amount) and returns the new time.
     *
     * @param amount how far
     * @return the new time
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the time.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
