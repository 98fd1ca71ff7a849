package io.wirewatch.alert.streams;

import io.wirewatch.alert.rules.StateExpiry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
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
 *
 * <p>Stream time is the newest publication time the task has seen, and the task's input is not in publication order:
 * each shares partition interleaves what the upstream enrich tasks send, and in a fast replay one upstream partition can
 * run months of event time ahead of another (a 1,500-article replay over five years had the rule task at July 2017
 * while articles of March 2016 were still arriving). Measured against the newest time alone, the sweep deleted what the
 * lagging articles were about, and they raised their alerts a second time. So the sweep measures against a watermark:
 * stream time less the largest lateness (stream time minus the record's time) seen over the last
 * {@value #LATENESS_INTERVALS} intervals, and never past the previous sweep's stream time; the first sweep after a
 * start only observes.
 *
 * <p>Lateness shows only once a late record arrives. An upstream partition that stalls in a fast replay sends nothing
 * late until it resumes, while the others carry stream time past the retention. So the watermark is also held at the
 * progress of the slowest upstream partition, which every share reports in a header ({@link UpstreamProgress}):
 * {@code min(previous sweep, min(stream time, slowest upstream partition) - largest lateness)}.
 */
final class StateSweeper<V> {

    /**
     * How far stream time moves between two sweeps: an entry lives at most this much past its retention. Each sweep
     * reads the task's whole store, so a short interval costs a full scan per few articles in a fast replay.
     */
    static final Duration INTERVAL = Duration.ofDays(7);

    /**
     * Over how many sweep intervals (a year of stream time) the largest lateness is remembered. In a fast replay the
     * lagging partition's articles arrive in bursts between which stream time can move weeks; a late article in live
     * operation holds expiry back by its lateness for a year.
     */
    static final int LATENESS_INTERVALS = 52;

    private final StateExpiry expiry;
    private final Function<V, LocalDate> latestDay;
    /** The largest lateness seen in each of the last intervals; {@code [interval % LATENESS_INTERVALS]} is the current. */
    private final long[] lateness = new long[LATENESS_INTERVALS];

    private final UpstreamProgress upstream = new UpstreamProgress();

    private long interval;
    private long previousSweep;
    private ProcessorContext<?, ?> context;
    private TimestampedKeyValueStore<String, V> store;

    StateSweeper(StateExpiry expiry, Function<V, LocalDate> latestDay) {
        this.expiry = expiry;
        this.latestDay = latestDay;
    }

    /** Sweeps {@code store} every {@link #INTERVAL} of stream time of {@code context}'s task, if expiry is on. */
    void schedule(ProcessorContext<?, ?> context, TimestampedKeyValueStore<String, V> store) {
        this.context = context;
        this.store = store;
        if (expiry.enabled()) {
            context.schedule(INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
        }
    }

    /** The value stamped with the stream time it is written at, for {@link StateExpiry}. */
    static <V> ValueAndTimestamp<V> stamp(V value, ProcessorContext<?, ?> context, long recordTimestamp) {
        return ValueAndTimestamp.make(value, Math.max(context.currentStreamTimeMs(), recordTimestamp));
    }

    /**
     * Notes how far behind stream time a record of this task arrives, and the upstream partition's progress its
     * headers report; call for every record processed.
     */
    void observe(long recordTimestamp, Headers headers) {
        int current = (int) (interval % LATENESS_INTERVALS);
        lateness[current] = Math.max(lateness[current], context.currentStreamTimeMs() - recordTimestamp);
        upstream.observe(headers, context.currentSystemTimeMs());
    }

    /** Deletes every entry expired at the watermark (stream time less the lateness seen); returns how many. */
    int sweep(long streamTime) {
        long allowed = 0;
        for (long late : lateness) {
            allowed = Math.max(allowed, late);
        }
        boolean observedAnInterval = interval > 0;
        interval++;
        lateness[(int) (interval % LATENESS_INTERVALS)] = 0;
        // Never past the slowest upstream partition: one that stalls holds the watermark while it is silent.
        long progress = Math.min(
                streamTime,
                upstream.slowestAtSweep(context.currentSystemTimeMs()).orElse(streamTime));
        // Never past the previous sweep's stream time: when stream time leaps, the articles it left behind get one
        // interval to show their lateness before anything is judged by the leap.
        long watermark = Math.min(previousSweep, progress - allowed);
        previousSweep = streamTime;
        if (!observedAnInterval) {
            return 0;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, ValueAndTimestamp<V>> entry = entries.next();
                if (entry.value != null
                        && expiry.expired(latestDay.apply(entry.value.value()), entry.value.timestamp(), watermark)) {
                    expired.add(entry.key);
                }
            }
        }
        // Deleted after the scan: the iterator is not asked to see its own store change underneath it.
        expired.forEach(store::delete);
        return expired.size();
    }
}
