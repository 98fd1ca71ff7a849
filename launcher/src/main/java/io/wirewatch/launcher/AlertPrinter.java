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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alerts topic (read_committed, so only what exactly-once processing committed) and prints each alert
 * version as it arrives; optionally appends it to a JSON-lines file in the field names of the Avro {@code Alert}.
 */
final class AlertPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPrinter.class);

    private final KafkaConsumer<String, Alert> consumer;
    private final String topic;
    private final PrintStream out;
    private final BufferedWriter alertsFile;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong printed = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    AlertPrinter(ClusterConfig cluster, Topic<String, Alert> alerts, PrintStream out, BufferedWriter alertsFile) {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "wirewatch-launcher-printer-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, alerts.keySerde().deserializer(), alerts.valueSerde().deserializer());
        this.topic = alerts.name();
        this.out = out;
        this.alertsFile = alertsFile;
        this.thread = new Thread(this::run, "alert-printer");
    }

    AlertPrinter start() {
        consumer.subscribe(List.of(topic));
        thread.start();
        return this;
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
                if (alertsFile != null && !records.isEmpty()) {
                    alertsFile.flush();
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
