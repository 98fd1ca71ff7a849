package io.wirewatch.launcher.reliability;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When committed alert versions became visible: a read_committed consumer tails {@code alerts} on a thread of its
 * own and notes the arrival time of every record, so a test can say how long alerts stalled around a fault — what an
 * operator watching the dashboard would see.
 */
final class AlertFlow implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private AlertFlow(ClusterConfig cluster, Topic<String, ?> alerts) {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-flow-" + alerts.name());
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(alerts.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "alert-flow");
        thread.setDaemon(true);
    }

    static AlertFlow watch(ClusterConfig cluster, Topic<String, ?> alerts) {
        AlertFlow flow = new AlertFlow(cluster, alerts);
        flow.thread.start();
        return flow;
    }

    private void run() {
        try {
            while (running) {
                int records = consumer.poll(Duration.ofMillis(50)).count();
                long now = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    arrivals.add(now);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        }
    }

    int seen() {
        return arrivals.size();
    }

    /**
     * What the alerts did around a fault at {@code faultNanos} ({@link System#nanoTime()}): the wait for the first
     * alert committed after it, the longest gap between alerts after it, and the longest before it for comparison.
     */
    Stall stallAround(long faultNanos) {
        List<Long> times = new ArrayList<>(arrivals);
        long longestBefore = 0;
        long longestAfter = 0;
        long firstAfter = -1;
        Long previous = null;
        for (long time : times) {
            if (time <= faultNanos) {
                if (previous != null) {
                    longestBefore = Math.max(longestBefore, time - previous);
                }
            } else {
                long from = previous == null || previous < faultNanos ? faultNanos : previous;
                longestAfter = Math.max(longestAfter, time - from);
                if (firstAfter < 0) {
                    firstAfter = time - faultNanos;
                }
            }
            previous = time;
        }
        return new Stall(
                Duration.ofNanos(Math.max(firstAfter, 0)),
                Duration.ofNanos(longestAfter),
                Duration.ofNanos(longestBefore),
                firstAfter >= 0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }

    /** How long alerts stalled around a fault. */
    record Stall(
            Duration firstAlertAfterFault,
            Duration longestGapAfterFault,
            Duration longestGapBeforeFault,
            boolean alertsAfterFault) {
        @Override
        public String toString() {
            return String.format(
                    "first alert %d ms after the fault, longest gap after it %d ms (before it %d ms)",
                    firstAlertAfterFault.toMillis(), longestGapAfterFault.toMillis(), longestGapBeforeFault.toMillis());
        }
    }
}
