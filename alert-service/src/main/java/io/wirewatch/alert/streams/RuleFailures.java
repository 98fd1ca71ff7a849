package io.wirewatch.alert.streams;

import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.serde.FailedRecord;
import io.wirewatch.serde.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns an exception thrown by the alert rules on one record into a {@link FailedRecord}, so that the record goes to
 * the dead-letter topic (with the share as it was on its shares topic) and the stream goes on.
 */
final class RuleFailures {

    static final String SERVICE = "alert";

    private final Serializer<EnrichedArticle> serializer;

    RuleFailures(Serializer<EnrichedArticle> serializer) {
        this.serializer = serializer;
    }

    Decoded<Alert> failure(
            ProcessorContext<?, ?> context, Record<String, EnrichedArticle> record, RuntimeException error) {
        Optional<RecordMetadata> origin = context.recordMetadata();
        String topic = origin.map(RecordMetadata::topic).orElse(null);
        byte[] payload;
        try {
            payload = serializer.serialize(topic, record.value());
        } catch (RuntimeException e) {
            payload = null;
        }
        return Decoded.failure(new FailedRecord(
                SERVICE,
                FailureKind.PROCESSING_FAILED,
                topic,
                origin.map(RecordMetadata::partition).orElse(-1),
                origin.map(RecordMetadata::offset).orElse(-1L),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                payload,
                "Alert rules failed on article "
                        + (record.value() == null ? null : record.value().getArticleId()) + ": " + error,
                error.getClass().getName(),
                Instant.ofEpochMilli(context.currentSystemTimeMs())));
    }
}
