package io.wirewatch.launcher;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.serde.GenericAvroSerde;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wirewatch tail TOPIC}: prints the records of any Wirewatch topic decoded from Avro, whatever their schema
 * (a generic reader), as operators watch {@code alerts} or inspect {@code articles.dlq}.
 */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Print the records of a Wirewatch topic, decoded (alerts as one line each unless --json).")
final class TailCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "TOPIC",
            description = "Topic to read, e.g. alerts, articles.enriched, articles.dlq.")
    String topic;

    @Option(names = "--from-beginning", description = "Start from the oldest record instead of new ones only.")
    boolean fromBeginning;

    @Option(
            names = "--json",
            description = "One JSON object a line: {topic, partition, offset, timestamp, key, value}.")
    boolean json;

    @Option(names = "--max-records", paramLabel = "N", description = "Stop after N records.")
    Long maxRecords;

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            description = "Stop when nothing arrives for this long (ISO-8601 duration, e.g. PT10S); default: never.")
    Duration idleTimeout;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        ClusterConfig config = cluster.reachable();
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        // A fresh group each time: tail never moves a service's offsets and never shares partitions.
        props.put(
                ConsumerConfig.GROUP_ID_CONFIG,
                "wirewatch-tail-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(config.serdeConfig(), false);
        PrintStream out = System.out;
        AtomicBoolean stopping = new AtomicBoolean();
        long printed = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stopping.set(true);
                                consumer.wakeup();
                                try {
                                    main.join(5_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "tail-shutdown"));
            if (consumer.partitionsFor(topic, cluster.connectTimeout).isEmpty()) {
                throw CliError.usage("topic '" + topic + "' does not exist on " + config.bootstrapServers());
            }
            consumer.subscribe(List.of(topic));
            long lastRecordAt = System.nanoTime();
            while (!stopping.get()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    out.println(render(record, serde));
                    lastRecordAt = System.nanoTime();
                    if (maxRecords != null && ++printed >= maxRecords) {
                        return 0;
                    }
                }
                if (idleTimeout != null && System.nanoTime() - lastRecordAt > idleTimeout.toNanos()) {
                    return 0;
                }
            }
        } catch (WakeupException e) {
            // Ctrl-C: the shutdown hook woke the consumer up.
        }
        return 0;
    }

    private String render(ConsumerRecord<String, byte[]> record, GenericAvroSerde serde) {
        GenericRecord value;
        try {
            value = serde.deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            String reason =
                    e instanceof RecordDeserializationException ? e.getCause().getMessage() : e.getMessage();
            return json
                    ? "{\"partition\":" + record.partition() + ",\"offset\":" + record.offset() + ",\"error\":"
                            + GenericData.get().toString(String.valueOf(reason)) + "}"
                    : Terminal.paint(
                            "31",
                            "undecodable record at " + record.partition() + ":" + record.offset() + ": " + reason);
        }
        if (json) {
            return "{\"topic\":" + GenericData.get().toString(record.topic()) + ",\"partition\":" + record.partition()
                    + ",\"offset\":" + record.offset() + ",\"timestamp\":" + record.timestamp()
                    + ",\"key\":"
                    + (record.key() == null ? "null" : GenericData.get().toString(record.key()))
                    + ",\"value\":" + GenericData.get().toString(value) + "}";
        }
        if (value != null && "Alert".equals(value.getSchema().getName())) {
            return AlertLines.describe(value);
        }
        return record.partition() + ":" + record.offset() + " " + record.key() + " "
                + GenericData.get().toString(value);
    }
}
