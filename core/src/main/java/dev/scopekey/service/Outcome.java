package dev.scopekey.service;

import java.util.Objects;

/**
 * The result of an administrative call: done with a value, or refused with a reason. Refusals
 * are expected outcomes, not exceptions; store failures still throw.
 *
 * @param <T> the value of a successful call
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    /**
     * A successful outcome.
     *
     * @param <T> the value's type
     * @param value the result
     * @return the outcome
     */
    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    /**
     * A refused outcome.
     *
     * @param <T> the value's type a success would have had
     * @param refusal why the call was refused
     * @return the outcome
     */
    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /**
     * Whether the call succeeded.
     *
     * @return true for {@link Done}, false for {@link Refused}
     */
    default boolean isDone() {
        return this instanceof Done;
    }

    /**
     * The value of a successful call.
     *
     * @return the successful call's value
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
     * @return why the call was refused
     * @throws IllegalStateException if the call succeeded
     */
    default Refusal refusal() {
        if (this instanceof Refused) {
            return ((Refused<T>) this).reason();
        }
        throw new IllegalStateException("the call succeeded");
    }

    /** A successful call's value. */
    record Done<T>(T result) implements Outcome<T> {
        /**
         * Checks the result is present.
         *
         * @param result the value
         */
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A refused call's reason. */
    record Refused<T>(Refusal reason) implements Outcome<T> {
        /**
         * Checks the reason is present.
         *
         * @param reason why the call was refused
         */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
