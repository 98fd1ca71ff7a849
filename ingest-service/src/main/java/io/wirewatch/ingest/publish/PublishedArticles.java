package io.wirewatch.ingest.publish;

import io.wirewatch.schema.Article;
import io.wirewatch.schema.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every article already on {@code articles.raw}, start to end, so that a restarted ingest-service knows what it
 * published before and does not publish it again. The topic itself is the record of what was published: no second
 * store to keep in step. This needs {@code articles.raw} to keep its records (retention {@code -1}, or compaction:
 * articles are keyed by id); start-up time grows with the topic (measured: tens of thousands of articles a second).
 */
public final class PublishedArticles {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedArticles.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private PublishedArticles() {}

    /**
     * Hands every article on {@code topic} to {@code onArticle}; records that cannot be decoded are logged and
     * skipped. Returns the number of articles read.
     */
    public static long readAll(
            Map<String, Object> kafkaProperties,
            Topic<String, Article> topic,
            String clientId,
            Consumer<Article> onArticle) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-seen-rebuild");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        Deserializer<Article> deserializer = topic.valueSerde().deserializer();
        long started = System.nanoTime();
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                LOG.warn("Topic {} does not exist (yet): nothing published before", topic.name());
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, ends)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    try {
                        onArticle.accept(deserializer.deserialize(record.topic(), record.value()));
                        count++;
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Skipping undecodable record {}-{}@{} while rebuilding the seen set: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.toString());
                    }
                }
            }
        }
        LOG.info(
                "Read {} published articles from {} in {} ms",
                count,
                topic.name(),
                (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
