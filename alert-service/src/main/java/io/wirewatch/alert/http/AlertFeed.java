package io.wirewatch.alert.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.streams.AlertHeaders;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every new alert version out to live subscribers (the SSE streams of dashboards).
 *
 * <p>{@link #fromTopic} reads the {@code alerts} topic with a {@code read_committed} consumer on its own thread, so
 * only versions the exactly-once topology has committed reach a dashboard; it assigns itself every partition and
 * starts at the end (history comes from the store replay, not the topic), so it joins no consumer group and
 * commits nothing. A record that cannot be decoded is logged and skipped: the alerts topic is this service's own
 * output, so there is no dead-letter topic for it, and one bad record must not stop the feed. {@link #inMemory}
 * has no source; {@link #publish} is how tests, tools or a topology callback push versions in.
 *
 * <p>The topic reader also times each alert version from the ingest of its article (the
 * {@link AlertHeaders#INGESTED_AT} header the topology writes) to the moment it reads it committed: the histogram
 * {@value #LATENCY_METER} ({@code wirewatch_alert_latency_seconds} on {@code /metrics}), end-to-end latency as a
 * dashboard sees it. Every instance reads every partition, so with several instances each observes every alert: their
 * quantiles agree, their counts add up to a multiple.
 *
 * <p>Subscribers are called on the publishing thread and must not block; the SSE layer only enqueues.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MISSING_TOPIC_BACKOFF = Duration.ofSeconds(1);
    /** The ingest -> alert latency histogram. */
    public static final String LATENCY_METER = "wirewatch.alert.latency";
    /** Bucket bounds of the latency histogram: around the 500 ms goal, and far enough out to show a backlog. */
    static final Duration[] LATENCY_BUCKETS = Stream.of(
                    50, 100, 200, 300, 500, 750, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final List<Consumer<Alert>> subscribers = new CopyOnWriteArrayList<>();
    private final TopicSource source;

    private AlertFeed(TopicSource source) {
        this.source = source;
    }

    /** A feed without source: only {@link #publish} puts alerts in. */
    public static AlertFeed inMemory() {
        return new AlertFeed(null);
    }

    /** A feed reading the alerts topic, its latency histogram in a registry of its own; see below. */
    public static AlertFeed fromTopic(Map<String, Object> kafkaProperties, Topic<String, Alert> alerts) {
        return fromTopic(kafkaProperties, alerts, new SimpleMeterRegistry());
    }

    /**
     * A feed reading the alerts topic; call {@link #start()} to begin.
     *
     * @param kafkaProperties client properties (bootstrap servers, security), e.g. {@code ClusterConfig.kafkaProperties()}
     * @param alerts          the alerts topic from the {@code Topics} catalogue (its value serde decodes the records)
     * @param meterRegistry   where the ingest -> alert latency histogram {@value #LATENCY_METER} goes (removed on close)
     */
    public static AlertFeed fromTopic(
            Map<String, Object> kafkaProperties, Topic<String, Alert> alerts, MeterRegistry meterRegistry) {
        Objects.requireNonNull(alerts, "alerts");
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "alert-feed");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Timer latency = Timer.builder(LATENCY_METER)
                .description("From ingest of an article to its alert version read committed from the alerts topic")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meterRegistry);
        return new AlertFeed(
                new TopicSource(properties, alerts.name(), alerts.valueSerde().deserializer(), latency, meterRegistry));
    }

    /** Starts reading the topic (no-op for an in-memory feed). Returns this feed. */
    public AlertFeed start() {
        if (source != null) {
            source.start(this);
        }
        return this;
    }

    /** Registers a listener for every alert version published from now on; close the subscription to stop. */
    public Subscription subscribe(Consumer<Alert> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    /** Hands one alert version to every current subscriber; a subscriber that throws is logged and skipped. */
    public void publish(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        for (Consumer<Alert> subscriber : subscribers) {
            try {
                subscriber.accept(alert);
            } catch (RuntimeException e) {
                LOG.warn("Alert feed subscriber failed on alert {}", alert.getId(), e);
            }
        }
    }

    /** How many listeners are subscribed now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Whether the topic reader is assigned and polling (always false for an in-memory feed). */
    public boolean isReading() {
        return source != null && source.reading;
    }

    /** Stops the topic reader and waits for it; subscribers are dropped. */
    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        subscribers.clear();
    }

    /** A registration with the feed; closing it unsubscribes. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The consumer thread that turns records of the alerts topic into {@link #publish} calls. */
    private static final class TopicSource {
        private final Map<String, Object> properties;
        private final String topic;
        private final Deserializer<Alert> deserializer;
        private final Timer latency;
        private final MeterRegistry meterRegistry;
        private volatile boolean running;
        private volatile boolean reading;
        private KafkaConsumer<byte[], byte[]> consumer;
        private Thread thread;

        TopicSource(
                Map<String, Object> properties,
                String topic,
                Deserializer<Alert> deserializer,
                Timer latency,
                MeterRegistry meterRegistry) {
            this.properties = properties;
            this.topic = topic;
            this.deserializer = deserializer;
            this.latency = latency;
            this.meterRegistry = meterRegistry;
        }

        synchronized void start(AlertFeed feed) {
            if (thread != null) {
                throw new IllegalStateException("Alert feed already started");
            }
            consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            running = true;
            thread = new Thread(() -> run(feed), "alert-feed-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        private void run(AlertFeed feed) {
            try {
                List<TopicPartition> partitions = awaitPartitions();
                if (partitions.isEmpty()) {
                    return;
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                // Resolve the end offsets now, so that "started" means "will see everything produced from here on".
                partitions.forEach(consumer::position);
                reading = true;
                LOG.info(
                        "Alert feed reading {} ({} partitions, read_committed, from the end)",
                        topic,
                        partitions.size());
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                        Alert alert = decode(record);
                        // Negative when clocks disagree; Micrometer ignores those.
                        AlertHeaders.ingestedAt(record.headers())
                                .ifPresent(ingested -> latency.record(Duration.between(ingested, Instant.now())));
                        if (alert != null) {
                            feed.publish(alert);
                        }
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.error("Alert feed woken up unexpectedly", e);
                }
            } catch (RuntimeException e) {
                LOG.error("Alert feed on {} stopped: live updates to dashboards have ended", topic, e);
            } finally {
                reading = false;
                consumer.close();
            }
        }

        /** The topic's partitions; topics are created by others, so a missing topic is waited for, not an error. */
        private List<TopicPartition> awaitPartitions() {
            boolean warned = false;
            while (running) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
                if (!warned) {
                    LOG.warn("Alert feed waiting for topic {} to exist", topic);
                    warned = true;
                }
                try {
                    Thread.sleep(MISSING_TOPIC_BACKOFF.toMillis()); // a retry back-off, not a wait for a test condition
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            return List.of();
        }

        private Alert decode(ConsumerRecord<byte[], byte[]> record) {
            if (record.value() == null) {
                return null; // a tombstone: nothing to show
            }
            try {
                return deserializer.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException e) {
                LOG.warn(
                        "Skipping undecodable alert at {}-{}@{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
                return null;
            }
        }

        synchronized void close() {
            meterRegistry.remove(latency);
            running = false;
            if (consumer != null) {
                consumer.wakeup();
            }
            if (thread != null) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
