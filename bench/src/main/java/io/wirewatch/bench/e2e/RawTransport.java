package io.wirewatch.bench.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transport's limit on this machine: one producer with ingest's settings (acks=all, idempotent, lz4, linger 5 ms)
 * and one consumer running at the same time through the same broker, records of article size. What the pipeline's
 * throughput is divided by.
 */
final class RawTransport {

    /** Records moved, bytes moved, and the time from the first send to the last record consumed. */
    record Result(int records, long bytes, Duration elapsed, int partitions) {
        double recordsPerSecond() {
            return records / seconds();
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds();
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    private RawTransport() {}

    /**
     * @param kafkaProperties bootstrap servers (and security) of the broker under test
     * @param topic           an existing topic with {@code partitions} partitions, empty
     * @param payloads        record values, sent in turn until {@code records} have gone
     */
    static Result run(
            Map<String, Object> kafkaProperties, String topic, int partitions, List<byte[]> payloads, int records)
            throws InterruptedException {
        Map<String, Object> producerProps = new HashMap<>(kafkaProperties);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<String, Object> consumerProps = new HashMap<>(kafkaProperties);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

        AtomicLong consumed = new AtomicLong();
        AtomicLong lastConsumedNanos = new AtomicLong();
        long bytes = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            consumer.assign(IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList());
            consumer.poll(Duration.ZERO);
            Thread reader = new Thread(
                    () -> {
                        while (consumed.get() < records
                                && !Thread.currentThread().isInterrupted()) {
                            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                            if (!batch.isEmpty()) {
                                consumed.addAndGet(batch.count());
                                lastConsumedNanos.set(System.nanoTime());
                            }
                        }
                    },
                    "raw-transport-consumer");
            long start = System.nanoTime();
            reader.start();
            for (int i = 0; i < records; i++) {
                byte[] value = payloads.get(i % payloads.size());
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, "r" + i, value));
            }
            producer.flush();
            reader.join(Duration.ofMinutes(2).toMillis());
            reader.interrupt();
            if (consumed.get() < records) {
                throw new IllegalStateException("raw transport: consumed " + consumed.get() + " of " + records);
            }
            return new Result(records, bytes, Duration.ofNanos(lastConsumedNanos.get() - start), partitions);
        }
    }
}
