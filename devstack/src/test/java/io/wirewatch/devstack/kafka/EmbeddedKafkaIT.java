package io.wirewatch.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaIT.class);

    @TempDir
    Path keptDir;

    @Test
    void shouldKeepCommittedRecordsAcrossAStopAndRestartOnTheSamePortAndDeleteTemporaryDataOnClose() {
        // Given a broker on a temporary directory and a topic holding three records
        long began = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Path dataDir = kafka.dataDir();
        try {
            long startMillis = (System.nanoTime() - began) / 1_000_000;
            System.gc();
            long heapMb =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            LOG.info("MEASURED broker start-up {} ms, heap used after start {} MB", startMillis, heapMb);
            kafka.createTopics(2, "restart-topic");
            int portBefore = kafka.port();
            produce(kafka, "restart-topic", List.of("a", "b", "c"));

            // When the broker stops and starts again
            long stopBegan = System.nanoTime();
            kafka.stop();
            LOG.info("MEASURED broker stop {} ms", (System.nanoTime() - stopBegan) / 1_000_000);
            assertThat(kafka.isRunning()).isFalse();
            long restartBegan = System.nanoTime();
            kafka.restart();
            LOG.info("MEASURED broker restart {} ms", (System.nanoTime() - restartBegan) / 1_000_000);

            // Then it listens on the same port and still serves the records
            assertThat(kafka.port()).isEqualTo(portBefore);
            assertThat(consumeAll(kafka, "restart-topic", 3)).containsExactlyInAnyOrder("a", "b", "c");
        } finally {
            kafka.close();
        }

        // And closing it removed its temporary directory
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void shouldReuseAnAlreadyFormattedKeptDataDirectoryAndTreatExistingTopicsAsCreated() {
        // Given a kept data directory written by an earlier broker
        try (EmbeddedKafka first =
                EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withDataDir(keptDir))) {
            first.createTopics(1, "kept-topic");
            produce(first, "kept-topic", List.of("from-the-first-run"));
        }
        assertThat(keptDir.resolve("kafka-logs").resolve("meta.properties")).exists();

        // When a new broker starts on it and the topic is created again
        try (EmbeddedKafka second =
                EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withDataDir(keptDir))) {
            assertThatCode(() -> second.createTopics(1, "kept-topic")).doesNotThrowAnyException();

            // Then the old record is still there
            assertThat(consumeAll(second, "kept-topic", 1)).containsExactly("from-the-first-run");
        }
    }

    @Test
    void shouldFailWithTheBindErrorWhenTheRequestedPortIsTaken() throws Exception {
        // Given a port some other process holds
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            // When a broker is asked to listen on it, Then start-up fails naming the address, without retrying
            // elsewhere
            assertThatThrownBy(() ->
                            EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withPort(taken.getLocalPort())))
                    .hasStackTraceContaining("BindException")
                    .hasStackTraceContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    static void produce(EmbeddedKafka kafka, String topic, List<String> values) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value));
            }
            producer.flush();
        }
    }

    static List<String> consumeAll(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
