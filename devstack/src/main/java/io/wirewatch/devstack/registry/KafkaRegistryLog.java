package io.wirewatch.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.devstack.kafka.TopicAdmin;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log on a compacted, single-partition Kafka topic ({@code _schemas} by default), in the key/value
 * JSON layout of Confluent's registry: key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} with
 * value {@code {"subject","version","id","schema","deleted"}}, and key {@code {"keytype":"CONFIG","subject":..}}
 * with value {@code {"compatibilityLevel":..}} (null value: the subject's level is removed). Compaction keeps the
 * last value per key, which is all a replay needs.
 *
 * <p>Writes go through an idempotent producer with {@code acks=all} and are awaited, so a registration is answered
 * only once it is in the log. One registry writes the topic; other registry instances would not see its writes
 * until they restart.
 */
public final class KafkaRegistryLog implements RegistryLog {

    public static final String DEFAULT_TOPIC = "_schemas";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaProperties;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    /** Creates the topic when missing (compacted, one partition, the given replication factor). */
    public KafkaRegistryLog(Map<String, Object> kafkaProperties, String topic, short replicationFactor) {
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        this.topic = topic;
        try (TopicAdmin admin = TopicAdmin.connect(this.kafkaProperties)) {
            admin.createTopics(List.of(new TopicAdmin.TopicSpec(
                    topic,
                    1,
                    replicationFactor,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        }
        Map<String, Object> props = new HashMap<>(this.kafkaProperties);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-schema-registry-" + topic);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, WRITE_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void replay(Consumer<RegistryEvent> sink) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-schema-registry-replay-" + topic);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition partition = new TopicPartition(topic, 0);
        int count = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), WRITE_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
            while (consumer.position(partition, WRITE_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException(
                            "Replaying '" + topic + "' did not reach offset " + end + " within " + WRITE_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    RegistryEvent event = decode(record);
                    if (event != null) {
                        sink.accept(event);
                        count++;
                    }
                }
            }
        }
        LOG.info("Schema registry replayed {} events from topic {}", count, topic);
    }

    @Override
    public void append(RegistryEvent event) {
        ProducerRecord<String, String> record = encode(event);
        try {
            producer.send(record).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw RegistryException.storeFailure(
                    "could not write to topic '" + topic + "': " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeFailure("interrupted while writing to topic '" + topic + "'", e);
        } catch (TimeoutException e) {
            throw RegistryException.storeFailure(
                    "no acknowledgement from topic '" + topic + "' within " + WRITE_TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private ProducerRecord<String, String> encode(RegistryEvent event) {
        ObjectNode key = JSON.createObjectNode();
        if (event instanceof RegistryEvent.SchemaVersion v) {
            key.put("keytype", "SCHEMA")
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("magic", 1);
            ObjectNode value = JSON.createObjectNode()
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", v.deleted());
            return new ProducerRecord<>(topic, 0, key.toString(), value.toString());
        }
        RegistryEvent.Config c = (RegistryEvent.Config) event;
        key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        String value = c.level() == null
                ? null
                : JSON.createObjectNode()
                        .put("compatibilityLevel", c.level().name())
                        .toString();
        return new ProducerRecord<>(topic, 0, key.toString(), value);
    }

    private RegistryEvent decode(ConsumerRecord<String, String> record) {
        try {
            JsonNode key = JSON.readTree(record.key());
            String keyType = key.path("keytype").asText();
            String subject =
                    key.path("subject").isTextual() ? key.path("subject").asText() : null;
            if (keyType.equals("SCHEMA")) {
                if (record.value() == null) {
                    return null;
                }
                JsonNode value = JSON.readTree(record.value());
                return new RegistryEvent.SchemaVersion(
                        value.path("subject").asText(),
                        value.path("version").asInt(),
                        value.path("id").asInt(),
                        value.path("schema").asText(),
                        value.path("deleted").asBoolean(false));
            }
            if (keyType.equals("CONFIG")) {
                if (record.value() == null) {
                    return new RegistryEvent.Config(subject, null);
                }
                String level =
                        JSON.readTree(record.value()).path("compatibilityLevel").asText();
                CompatibilityLevel parsed = CompatibilityLevel.parse(level);
                if (parsed == null) {
                    LOG.warn(
                            "Ignoring unknown compatibility level '{}' at offset {} of {}",
                            level,
                            record.offset(),
                            topic);
                }
                return parsed == null ? null : new RegistryEvent.Config(subject, parsed);
            }
            // Confluent also writes NOOP, MODE and other key types; they carry nothing this registry keeps.
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable record at offset {} of {}: {}", record.offset(), topic, e.toString());
            return null;
        }
    }
}
