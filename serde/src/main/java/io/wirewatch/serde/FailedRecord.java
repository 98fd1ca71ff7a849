package io.wirewatch.serde;

import java.time.Instant;
import java.util.Objects;

/**
 * One input record that a Streams service could not read or process, with where it came from and why: what the
 * service turns into its dead-letter value. Byte arrays are the record's raw key and value as they were on the
 * topic (either may be null); they are not copied. It lives beside the serde, below both the contract (whose
 * {@code DeadLetters} turns it into a dead letter) and the Streams helpers (which build it from a record's metadata).
 *
 * @param service    the service that rejected the record (enrich, alert ...)
 * @param kind       the failure's category
 * @param topic      the input topic, or {@code null} when Kafka Streams did not give the record's origin
 * @param partition  the input partition, or -1 when unknown
 * @param offset     the input offset, or -1 when unknown
 * @param key        the raw key, UTF-8, or null
 * @param value      the raw value, or null for a tombstone
 * @param reason     a human-readable reason
 * @param errorClass the class name of the exception, or null when none was thrown
 * @param failedAt   when the record was rejected
 */
public record FailedRecord(
        String service,
        FailureKind kind,
        String topic,
        int partition,
        long offset,
        byte[] key,
        byte[] value,
        String reason,
        String errorClass,
        Instant failedAt) {

    public FailedRecord {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    /** The record's origin as {@code topic:partition:offset}, the form DeadLetter.source takes for Kafka input. */
    public String source() {
        return topic + ":" + partition + ":" + offset;
    }

    /** Size of the raw value in bytes, 0 for a tombstone. */
    public int valueSize() {
        return value == null ? 0 : value.length;
    }

    @Override
    public String toString() {
        // The default record toString would print array identities; the bytes themselves do not belong in logs.
        return "FailedRecord[" + service + " " + kind + " at " + source() + ": " + reason + "]";
    }
}
