package io.wirewatch.launcher;

import io.wirewatch.alert.http.AlertJson;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alerts topic (read_committed, so only what exactly-once processing committed) and prints each alert
 * version as it arrives; optionally appends it to a JSON-lines file in the field names of the Avro {@code Alert}.
 * What it has printed is committed as the offsets of one consumer group, so a later run on the same broker data
 * prints only the alerts that are new since.
 */
final class AlertPrinter implements AutoCloseable {

    /** The consumer group whose committed offsets mark what {@code up} has printed on this broker's data. */
    static final String GROUP_ID = "wirewatch-up-alert-printer";

    private static final Logger LOG = LoggerFactory.getLogger(AlertPrinter.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, Alert> consumer;
    private final String topic;
    private final PrintStream out;
    private final BufferedWriter alertsFile;
    private final boolean fromBeginning;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong printed = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    AlertPrinter(
            ClusterConfig cluster,
            Topic<String, Alert> alerts,
            PrintStream out,
            BufferedWriter alertsFile,
            boolean fromBeginning) {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        // One group for every run on the same data: its committed offsets are where the last run stopped printing.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(
                props, alerts.keySerde().deserializer(), alerts.valueSerde().deserializer());
        this.topic = alerts.name();
        this.out = out;
        this.alertsFile = alertsFile;
        this.fromBeginning = fromBeginning;
        this.thread = new Thread(this::run, "alert-printer");
    }

    /**
     * Takes every partition of the alerts topic and starts where the last run on this data stopped (its committed
     * offsets), or at the beginning when asked to or when no run printed anything yet.
     */
    AlertPrinter start() {
        try {
            seekToStart();
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        thread.start();
        return this;
    }

    private void seekToStart() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, START_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), START_TIMEOUT);
        boolean resumed = false;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            if (fromBeginning || done == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, done.offset());
                resumed |= done.offset() > 0;
            }
        }
        if (resumed) {
            LOG.info(
                    "Resuming after the alerts earlier runs on this data printed (--from-beginning prints them again)");
        }
    }

    /** True once every committed alert has been printed (and written). */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Why the printer stopped on its own (it cannot print or write any more), or null while it runs. */
    Throwable failure() {
        return failure;
    }

    long printed() {
        return printed.get();
    }

    private void run() {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, Alert> record : records) {
                    Alert alert = record.value();
                    if (alert == null) {
                        continue;
                    }
                    out.println(AlertLines.describe(alert));
                    if (alertsFile != null) {
                        alertsFile.write(AlertJson.toJson(alert));
                        alertsFile.newLine();
                    }
                    printed.incrementAndGet();
                }
                if (!records.isEmpty()) {
                    if (alertsFile != null) {
                        alertsFile.flush();
                    }
                    // Printed (and written), so the next run on this data starts after them.
                    consumer.commitSync();
                }
                caughtUp = atEnd();
            }
        } catch (WakeupException e) {
            // close() woke us.
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("Alert printer stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean atEnd() {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment, Duration.ofSeconds(5));
        for (TopicPartition partition : assignment) {
            if (consumer.position(partition, Duration.ofSeconds(5)) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** Stops printing; the alerts file, which the caller opened, stays open for the caller to close. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
