package dev.scopekey.service;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of an administrative call: done with a value, or refused with a reason. Refusals
 * are expected outcomes, not exceptions; store failures still throw.
 *
 * @param <T> the value of a successful call
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    /**
     * The value of a successful call.
     *
     * @throws IllegalStateException with the refusal's message if the call was refused
     */
    default T value() {
        if (this instanceof Done) {
            return ((Done<T>) this).result();
        }
        throw new IllegalStateException(refusal().message());
    }

    /**
     * The refusal of a refused call.
     *
     * @throws IllegalStateException if the call succeeded
     */
    default Refusal refusal() {
        if (this instanceof Refused) {
            return ((Refused<T>) this).reason();
        }
        throw new IllegalStateException("the call succeeded");
    }

    default <R> Outcome<R> map(Function<T, R> mapper) {
        if (this instanceof Done) {
            return done(mapper.apply(((Done<T>) this).result()));
        }
        return refused(refusal());
    }

    /** A successful call's value. */
    record Done<T>(T result) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A refused call's reason. */
    record Refused<T>(Refusal reason) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
