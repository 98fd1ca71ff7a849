package io.wirewatch.alert.streams;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How far each upstream partition of {@code articles.enriched} has got, as a rule task sees it through its
 * repartition topic. Each share carries the header {@value #HEADER}: the partition of {@code articles.enriched} its
 * article came from and that partition's stream time when it was sent (the upstream task's stream time: its newest
 * publication time), 12 bytes big-endian. The rule task keeps the newest time per partition; the slowest partition is
 * how far the whole input has certainly got, which is what {@link StateSweeper} may expire against.
 *
 * <p>Why: a repartition partition interleaves what every upstream task sends, so in a fast replay the rule task's
 * stream time (the newest time from any of them) can run months ahead of a partition that stalls. The largest
 * lateness seen holds the watermark back only once a late record has arrived; a partition that stalls sends none
 * until it resumes, by when its state may be gone. Its last reported progress holds the watermark while it is silent.
 *
 * <p>A partition whose articles have no share for a rule task still reports its progress there: the shares processor
 * sends a marker to every rule task each week of its stream time. A partition is forgotten only when it has been silent
 * for both {@value #FORGET_AFTER_SWEEPS} sweeps (a year of the task's stream time) and {@link #FORGET_AFTER_WALL_CLOCK}
 * of the wall clock, so that a route that never carries anything again does not stop expiry for good. Both, because in
 * a fast replay a stalled partition can be silent for more than a year of stream time in a few seconds (a
 * 1,500-article growth run had one silent from September 2017 to January 2019 of the other's stream time); forgetting
 * it then expired what its next articles were about. Progress is kept in memory: after a
 * restart or a rebalance a partition counts once it sends again (and the first sweep after a start only observes).
 * Records without the header (written before it existed) hold nothing back.
 */
final class UpstreamProgress {

    /** The header on every share: upstream partition (int) and that partition's stream time (long, epoch ms). */
    static final String HEADER = "wirewatch-upstream-progress";

    /** Key of the progress markers the shares processors broadcast ({@link SharesProcessor}); their value is null. */
    static final String MARKER_KEY = "~upstream-progress";

    /** Sweeps of silence after which (and after {@link #FORGET_AFTER_WALL_CLOCK}) a partition no longer counts. */
    static final int FORGET_AFTER_SWEEPS = StateSweeper.LATENESS_INTERVALS;

    /** Wall-clock silence after which (and after {@link #FORGET_AFTER_SWEEPS}) a partition no longer counts. */
    static final Duration FORGET_AFTER_WALL_CLOCK = Duration.ofHours(1);

    /** Per upstream partition: {newest stream time reported, sweep count and wall clock when last heard from}. */
    private final Map<Integer, long[]> partitions = new HashMap<>();

    private long sweeps;

    /** A copy of {@code headers} saying that {@code partition} of the input has got to {@code streamTime}. */
    static Headers stamp(Headers headers, int partition, long streamTime) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        copy.add(
                HEADER,
                ByteBuffer.allocate(12).putInt(partition).putLong(streamTime).array());
        return copy;
    }

    /** A copy of {@code headers} without {@value #HEADER}: what the alerts carry on. */
    static Headers without(Headers headers) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        return copy;
    }

    /**
     * Notes the progress a record's headers report, heard at {@code wallClockMs}; a record without (or with a malformed)
     * header changes nothing.
     */
    void observe(Headers headers, long wallClockMs) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null || header.value().length != 12) {
            return;
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        int partition = value.getInt();
        long streamTime = value.getLong();
        long[] known = partitions.computeIfAbsent(partition, p -> new long[] {Long.MIN_VALUE, 0, 0});
        known[0] = Math.max(known[0], streamTime);
        known[1] = sweeps;
        known[2] = wallClockMs;
    }

    /**
     * The slowest upstream partition's progress, once per sweep (it also ages the partitions): empty when no partition
     * holds the watermark back.
     */
    OptionalLong slowestAtSweep(long wallClockMs) {
        sweeps++;
        partitions
                .values()
                .removeIf(known -> sweeps - known[1] > FORGET_AFTER_SWEEPS
                        && wallClockMs - known[2] > FORGET_AFTER_WALL_CLOCK.toMillis());
        return partitions.values().stream().mapToLong(known -> known[0]).min();
    }
}
