package io.wirewatch.alert.streams;

import io.wirewatch.platform.streams.UpstreamProgressHeader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Headers;

/**
 * How far each upstream partition of {@code articles.raw} has got, as a rule task sees it through its shares
 * topic. Each share carries the {@link UpstreamProgressHeader}: the partition of {@code articles.raw} its article came
 * from and that partition's stream time when enrich-service sent it (the enrich task's stream time: its newest
 * publication time). The rule task keeps the newest time per partition; the slowest partition is
 * how far the whole input has certainly got, which is what {@link StateSweeper} may expire against.
 *
 * <p>Why: a shares partition interleaves what every upstream task sends, so in a fast replay the rule task's
 * stream time (the newest time from any of them) can run months ahead of a partition that stalls. The largest
 * lateness seen holds the watermark back only once a late record has arrived; a partition that stalls sends none
 * until it resumes, by when its state may be gone. Its last reported progress holds the watermark while it is silent.
 *
 * <p>A partition whose articles have no share for a rule task still reports its progress there: enrich-service
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

    /** Sweeps of silence after which (and after {@link #FORGET_AFTER_WALL_CLOCK}) a partition no longer counts. */
    static final int FORGET_AFTER_SWEEPS = StateSweeper.LATENESS_INTERVALS;

    /** Wall-clock silence after which (and after {@link #FORGET_AFTER_SWEEPS}) a partition no longer counts. */
    static final Duration FORGET_AFTER_WALL_CLOCK = Duration.ofHours(1);

    /** Per upstream partition: {newest stream time reported, sweep count and wall clock when last heard from}. */
    private final Map<Integer, long[]> partitions = new HashMap<>();

    private long sweeps;

    /**
     * Notes the progress a record's headers report, heard at {@code wallClockMs}; a record without (or with a malformed)
     * header changes nothing.
     */
    void observe(Headers headers, long wallClockMs) {
        UpstreamProgressHeader.read(headers).ifPresent(progress -> {
            long[] known = partitions.computeIfAbsent(progress.partition(), p -> new long[] {Long.MIN_VALUE, 0, 0});
            known[0] = Math.max(known[0], progress.streamTime());
            known[1] = sweeps;
            known[2] = wallClockMs;
        });
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
