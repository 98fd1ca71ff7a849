package io.wirewatch.platform.streams;

/**
 * A service's per-record processing step, given the record key and the decoded value. It may throw: the record is
 * then dead-lettered with the exception's message instead of stopping the stream.
 */
@FunctionalInterface
public interface RecordFunction<V, R> {

    /** @return the output value; must not be null (null is treated as a failure) */
    R apply(String key, V value) throws Exception;
}
