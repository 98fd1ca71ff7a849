package io.wirewatch.schema;

import io.wirewatch.serde.FailedRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds {@link DeadLetter} records, the one place that decides how much of a rejected input is kept: the payload is
 * cut to a byte limit, and {@code payloadSize} and {@code truncated} say how much there was. Used by every service:
 * Streams services through {@link #fromFailedRecord}, ingest-service (files, HTTP) through {@link #forInput}.
 */
public final class DeadLetters {

    /** Default payload limit: 2 MiB, more than any article Wirewatch accepts. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

    private DeadLetters() {}

    /** The dead letter for a Kafka record a Streams service rejected. */
    public static DeadLetter fromFailedRecord(FailedRecord failure, int maxPayloadBytes) {
        Objects.requireNonNull(failure, "failure");
        byte[] payload = failure.value() == null ? new byte[0] : failure.value();
        return withPayload(
                DeadLetter.newBuilder()
                        .setService(failure.service())
                        .setSource(failure.source())
                        .setTopic(failure.topic())
                        .setPartition(failure.partition() < 0 ? null : failure.partition())
                        .setOffset(failure.offset() < 0 ? null : failure.offset())
                        .setReason(failure.reason())
                        .setErrorClass(failure.errorClass())
                        .setKey(failure.key() == null ? null : ByteBuffer.wrap(failure.key()))
                        .setFailedAt(failure.failedAt()),
                payload,
                maxPayloadBytes);
    }

    /**
     * The dead letter for input that did not come from a Kafka record.
     *
     * @param source where the input came from: a file path, {@code http} ...
     * @param error  the exception that rejected it, or null
     */
    public static DeadLetter forInput(
            String service,
            String source,
            byte[] payload,
            String reason,
            Throwable error,
            Instant failedAt,
            int maxPayloadBytes) {
        return withPayload(
                DeadLetter.newBuilder()
                        .setService(service)
                        .setSource(source)
                        .setReason(reason)
                        .setErrorClass(error == null ? null : error.getClass().getName())
                        .setFailedAt(failedAt),
                payload == null ? new byte[0] : payload,
                maxPayloadBytes);
    }

    private static DeadLetter withPayload(DeadLetter.Builder builder, byte[] payload, int maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative, was " + maxPayloadBytes);
        }
        boolean truncated = payload.length > maxPayloadBytes;
        byte[] kept = truncated ? Arrays.copyOf(payload, maxPayloadBytes) : payload;
        return builder.setPayload(ByteBuffer.wrap(kept))
                .setPayloadSize(payload.length)
                .setTruncated(truncated)
                .build();
    }
}
