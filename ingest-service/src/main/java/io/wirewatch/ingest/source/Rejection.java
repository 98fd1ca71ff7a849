package io.wirewatch.ingest.source;

import java.util.Objects;

/**
 * Input that cannot become an article, with why: the raw bytes (possibly only the first part of them), how many bytes
 * there were in all, and where they came from. Becomes a dead letter.
 *
 * @param sourceRef   file path (with {@code :line} for JSONL), {@code http} ...
 * @param reason      human-readable reason
 * @param payload     the raw input, or its first bytes when it was too large to read whole
 * @param payloadSize size of the whole input in bytes; larger than {@code payload.length} when only part was read
 * @param error       the exception behind the rejection, or null
 */
public record Rejection(String sourceRef, String reason, byte[] payload, long payloadSize, Throwable error) {

    public Rejection {
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(reason, "reason");
        payload = payload == null ? new byte[0] : payload;
    }

    public static Rejection of(String sourceRef, String reason, byte[] payload) {
        return new Rejection(sourceRef, reason, payload, payload == null ? 0 : payload.length, null);
    }

    public static Rejection of(String sourceRef, InputRejectedException error, byte[] payload) {
        return new Rejection(
                sourceRef, error.getMessage(), payload, payload == null ? 0 : payload.length, error.getCause());
    }
}
