package io.wirewatch.platform.streams;

import io.wirewatch.serde.FailedRecord;
import java.util.Objects;

/**
 * The outcome of reading (and possibly processing) one input record: either the typed value, or the failure that
 * becomes a dead letter. What flows between the decoding processor and the branch that splits good from bad.
 */
public sealed interface Decoded<V> {

    /** A record that decoded (and processed) into {@code value}. */
    record Success<V>(V value) implements Decoded<V> {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A record that did not. */
    record Failure<V>(FailedRecord failure) implements Decoded<V> {
        public Failure {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <V> Decoded<V> success(V value) {
        return new Success<>(value);
    }

    static <V> Decoded<V> failure(FailedRecord failure) {
        return new Failure<>(failure);
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }
}
