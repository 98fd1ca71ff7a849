package io.wirewatch.alert.streams;

import io.wirewatch.alert.rules.StateExpiry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Deletes from a rule's store the entries {@link StateExpiry} says have expired. Each entry's timestamp is the stream
 * time when it was last written ({@link #stamp}); the sweep runs on a stream-time punctuator, so it happens at the same
 * points of the input in every run and replay, and its deletes belong to the task's exactly-once transaction like any
 * other write (their tombstones go to the changelog in the same commit).
 *
 * <p>Stream time rather than the wall clock: the state is about the news, whose clock is the publication time. A
 * wall-clock sweep would forget everything after an outage of the retention's length and then meet the backlog
 * without its state, and would never bound a replay of years of news in minutes.
 */
final class StateSweeper<V> {

    /**
     * How far stream time moves between two sweeps: an entry lives at most this much past its retention. Each sweep
     * reads the task's whole store, so a short interval costs a full scan per few articles in a fast replay.
     */
    static final Duration INTERVAL = Duration.ofDays(7);

    private final StateExpiry expiry;
    private final Function<V, LocalDate> latestDay;
    private TimestampedKeyValueStore<String, V> store;

    StateSweeper(StateExpiry expiry, Function<V, LocalDate> latestDay) {
        this.expiry = expiry;
        this.latestDay = latestDay;
    }

    /** Sweeps {@code store} every {@link #INTERVAL} of stream time of {@code context}'s task, if expiry is on. */
    void schedule(ProcessorContext<?, ?> context, TimestampedKeyValueStore<String, V> store) {
        this.store = store;
        if (expiry.enabled()) {
            context.schedule(INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
        }
    }

    /** The value stamped with the stream time it is written at, for {@link StateExpiry}. */
    static <V> ValueAndTimestamp<V> stamp(V value, ProcessorContext<?, ?> context, long recordTimestamp) {
        return ValueAndTimestamp.make(value, Math.max(context.currentStreamTimeMs(), recordTimestamp));
    }

    /** Deletes every expired entry; returns how many. */
    int sweep(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, ValueAndTimestamp<V>> entry = entries.next();
                if (entry.value != null && expiry.expired(latestDay.apply(entry.value.value()), entry.value.timestamp(),
                        streamTime)) {
                    expired.add(entry.key);
                }
            }
        }
        // Deleted after the scan: the iterator is not asked to see its own store change underneath it.
        expired.forEach(store::delete);
        return expired.size();
    }
}
