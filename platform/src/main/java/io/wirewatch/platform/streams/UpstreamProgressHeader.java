package io.wirewatch.platform.streams;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The header {@value #HEADER} by which a stage tells the stage after it how far each of its input partitions has got,
 * and the progress markers that carry it when there is nothing else to send. enrich-service stamps every share it
 * emits for alert-service's rules with the partition of {@code articles.raw} it read the article from and that
 * partition's stream time (12 bytes: an int and a long, big-endian); alert-service's state expiry never passes the
 * slowest partition. Written and read here only, so that the format exists once.
 */
public final class UpstreamProgressHeader {

    /** The header: upstream partition (int) and that partition's stream time (long, epoch ms). */
    public static final String HEADER = "wirewatch-upstream-progress";

    /** Key of a progress marker: a record with this key, no value and the header, sent to every partition. */
    public static final String MARKER_KEY = "~upstream-progress";

    /**
     * How much of an upstream partition's stream time passes between two of its markers: how far behind a downstream
     * task's view of a partition that sends it nothing can fall. alert-service sweeps its state once a week of stream
     * time; a marker a week keeps every rule task within one sweep of every partition.
     */
    public static final Duration MARKER_INTERVAL = Duration.ofDays(7);

    /** What a header says: {@code partition} of the input has got to {@code streamTime}. */
    public record Progress(int partition, long streamTime) {}

    private UpstreamProgressHeader() {}

    /** A copy of {@code headers} saying that {@code partition} of the input has got to {@code streamTime}. */
    public static Headers stamp(Headers headers, int partition, long streamTime) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        copy.add(
                HEADER,
                ByteBuffer.allocate(12).putInt(partition).putLong(streamTime).array());
        return copy;
    }

    /** A copy of {@code headers} without {@value #HEADER}: what a stage's own output carries on. */
    public static Headers without(Headers headers) {
        RecordHeaders copy = new RecordHeaders(headers.toArray());
        copy.remove(HEADER);
        return copy;
    }

    /** The progress {@code headers} report; empty without the header or with a malformed one. */
    public static Optional<Progress> read(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null || header.value().length != 12) {
            return Optional.empty();
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        return Optional.of(new Progress(value.getInt(), value.getLong()));
    }

    /** Whether a record is a progress marker rather than data. */
    public static boolean isMarker(String key, Object value) {
        return value == null && MARKER_KEY.equals(key);
    }
}
