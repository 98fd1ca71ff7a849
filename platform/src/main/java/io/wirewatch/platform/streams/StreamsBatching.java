package io.wirewatch.platform.streams;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Producer settings of enrich-service's and alert-service's Kafka Streams producers that set how many requests the
 * broker serves per record. Kafka's default {@code batch.size} (16 KiB) holds one or two enriched articles, so a
 * stream thread sent a produce request per article or so between commits, each checked against the transaction by
 * the broker (AddPartitionsToTxn); larger batches and lz4 send what a commit interval gathers in a few requests.
 * Under exactly-once the producer is flushed at every commit, so larger batches add no latency.
 */
public final class StreamsBatching {

    /** Per partition; a batch is sent when full, when {@code linger.ms} passes, or at the commit's flush. */
    public static final int BATCH_SIZE = 256 * 1024;

    public static final String COMPRESSION = "lz4";

    private StreamsBatching() {}

    /** Sets the Streams producer's batch size and compression unless the operator set them (KAFKA_BATCH_SIZE ...). */
    public static void apply(Map<Object, Object> streamsProperties) {
        putUnlessSet(streamsProperties, ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        putUnlessSet(streamsProperties, ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
    }

    private static void putUnlessSet(Map<Object, Object> properties, String producerKey, Object value) {
        if (!properties.containsKey(producerKey)) {
            properties.putIfAbsent(StreamsConfig.producerPrefix(producerKey), value);
        }
    }
}
