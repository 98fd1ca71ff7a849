package io.wirewatch.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.serde.FailedRecord;
import io.wirewatch.serde.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router on a tiny topology: decimal numbers as text in, their squares out; a dead letter is rendered as one line
 * {@code kind|source|errorClass|base64(value)|reason} so that the test reads every field from the dead-letter topic.
 */
class DeadLetterRouterTest {

    private static final String INPUT = "numbers";
    private static final String OUTPUT = "squares";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final Instant NOW = Instant.parse("2012-02-07T12:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2012-02-06T08:30:00Z");

    /** Strict: anything but a decimal integer in UTF-8 is rejected, as a real deserializer rejects foreign bytes. */
    private static final Deserializer<Integer> DECIMAL =
            (topic, data) -> Integer.parseInt(new String(data, StandardCharsets.UTF_8));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, Integer> output;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void startDriver() {
        DeadLetterRouter<String> router = DeadLetterRouter.builder(
                        "squarer", DEAD_LETTERS, Serdes.String(), DeadLetterRouterTest::render)
                .meterRegistry(meters)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> raw = builder.stream(INPUT, DeadLetterRouter.consumed("numbers-source"));
        router.decodeAndProcess(raw, DECIMAL, DeadLetterRouterTest::square, "square")
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Integer()).withName("squares-sink"));
        Topology topology = builder.build();

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-router-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props);
        input = driver.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new IntegerDeserializer());
        deadLetters = driver.createOutputTopic(DEAD_LETTERS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldPassDecodedAndProcessedValuesOnWithKeyAndTimestamp() {
        // Given a record that decodes
        // When it is piped in
        input.pipeInput(new TestRecord<>("a", bytes("7"), EVENT_TIME));

        // Then its processed value comes out with the same key and event time, and nothing is dead-lettered
        TestRecord<String, Integer> out = output.readRecord();
        assertThat(out.key()).isEqualTo("a");
        assertThat(out.value()).isEqualTo(49);
        assertThat(out.getRecordTime()).isEqualTo(EVENT_TIME);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(meters.find(DeadLetterRouter.METER_NAME).counters()).isEmpty();
    }

    @Test
    void shouldDeadLetterUndecodableValueWithOriginAndRawBytesAndGoOn() {
        // Given a good record, a value the deserializer rejects, then another good record
        input.pipeInput("a", bytes("2"));
        input.pipeInput("b", bytes("not a number"));
        input.pipeInput("c", bytes("3"));

        // Then the bad one is a dead letter naming its offset, kind and exception, with its bytes
        String[] letter = deadLetters.readValue().split("\\|", 5);
        assertThat(letter[0]).isEqualTo("UNDECODABLE");
        assertThat(letter[1]).isEqualTo(INPUT + ":0:1");
        assertThat(letter[2]).isEqualTo(NumberFormatException.class.getName());
        assertThat(Base64.getDecoder().decode(letter[3])).isEqualTo(bytes("not a number"));
        assertThat(letter[4]).startsWith("Cannot decode value").contains("not a number");
        assertThat(deadLetters.isEmpty()).isTrue();

        // And both good records were processed
        assertThat(output.readKeyValuesToList())
                .extracting(kv -> kv.key + "=" + kv.value)
                .containsExactly("a=4", "c=9");
    }

    @Test
    void shouldDeadLetterTombstone() {
        // Given a record without a value
        input.pipeInput("gone", (byte[]) null);

        // Then it is a NULL_VALUE dead letter with an empty payload
        TestRecord<String, String> record = deadLetters.readRecord();
        assertThat(record.key()).isEqualTo("gone");
        String[] letter = record.value().split("\\|", 5);
        assertThat(letter[0]).isEqualTo("NULL_VALUE");
        assertThat(letter[2]).isEqualTo("null");
        assertThat(letter[3]).isEqualTo("-");
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterRecordWhoseProcessingThrowsOrReturnsNothing() {
        // Given values the processing function refuses (negative) or maps to nothing (zero)
        input.pipeInput("neg", bytes("-4"));
        input.pipeInput("zero", bytes("0"));
        input.pipeInput("ok", bytes("5"));

        // Then each is a PROCESSING_FAILED dead letter with its original bytes
        List<String[]> letters = deadLetters.readValuesToList().stream()
                .map(v -> v.split("\\|", 5))
                .toList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0)[0]).isEqualTo("PROCESSING_FAILED");
        assertThat(letters.get(0)[2]).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(letters.get(0)[4]).contains("negative numbers are not squared here");
        assertThat(Base64.getDecoder().decode(letters.get(0)[3])).isEqualTo(bytes("-4"));
        assertThat(letters.get(1)[0]).isEqualTo("PROCESSING_FAILED");
        assertThat(letters.get(1)[1]).isEqualTo(INPUT + ":0:1");
        assertThat(letters.get(1)[4]).isEqualTo("Processing produced no value");
        assertThat(output.readValuesToList()).containsExactly(25);
    }

    @Test
    void shouldCountDeadLettersByServiceTopicAndReason() {
        // Given two undecodable records and one tombstone
        input.pipeInput("x", bytes("x"));
        input.pipeInput("y", bytes("y"));
        input.pipeInput("z", (byte[]) null);

        // Then the counter has one series per reason
        assertThat(meters.get(DeadLetterRouter.METER_NAME)
                        .tags(
                                "service",
                                "squarer",
                                "topic",
                                INPUT,
                                "reason",
                                "undecodable",
                                "error",
                                "NumberFormatException")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get(DeadLetterRouter.METER_NAME)
                        .tags("service", "squarer", "topic", INPUT, "reason", "null-value", "error", "none")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldStampFailureWithClockAndServiceName() {
        // Given a router whose clock is fixed, capturing what it hands to the dead-letter function
        List<FailedRecord> seen = new ArrayList<>();
        DeadLetterRouter<String> router = DeadLetterRouter.builder(
                        "squarer", DEAD_LETTERS, Serdes.String(), failure -> {
                            seen.add(failure);
                            return render(failure);
                        })
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        StreamsBuilder builder = new StreamsBuilder();
        router.decode(builder.stream(INPUT, DeadLetterRouter.consumed("source")), DECIMAL, "decode-only")
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Integer()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-router-test-2");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver second = new TopologyTestDriver(builder.build(), props)) {
            // When a bad record with a key arrives
            second.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer())
                    .pipeInput("k", bytes("?"));
        }

        // Then the failure carries service, time, key bytes and origin
        assertThat(seen).singleElement().satisfies(failure -> {
            assertThat(failure.service()).isEqualTo("squarer");
            assertThat(failure.failedAt()).isEqualTo(NOW);
            assertThat(failure.key()).isEqualTo(bytes("k"));
            assertThat(failure.topic()).isEqualTo(INPUT);
            assertThat(failure.partition()).isZero();
            assertThat(failure.offset()).isZero();
        });
    }

    @Test
    void shouldRouteFailuresEmittedByALaterProcessor() {
        // Given a topology whose own processor reports odd numbers as failures, with their origin from the context
        DeadLetterRouter<String> router = DeadLetterRouter.builder(
                        "squarer", DEAD_LETTERS, Serdes.String(), DeadLetterRouterTest::render)
                .meterRegistry(meters)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Integer> numbers =
                router.decode(builder.stream(INPUT, DeadLetterRouter.consumed("source")), DECIMAL, "numbers");
        KStream<String, Decoded<Integer>> outcomes = numbers.processValues(
                () -> new FixedKeyProcessor<>() {
                    private FixedKeyProcessorContext<String, Decoded<Integer>> context;

                    @Override
                    public void init(FixedKeyProcessorContext<String, Decoded<Integer>> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(FixedKeyRecord<String, Integer> record) {
                        context.forward(record.withValue(
                                record.value() % 2 == 0
                                        ? Decoded.success(record.value() / 2)
                                        : Decoded.failure(DeadLetterRouter.failedRecord(
                                                "squarer",
                                                FailureKind.PROCESSING_FAILED,
                                                context.recordMetadata(),
                                                record.key(),
                                                bytes(record.value().toString()),
                                                "odd",
                                                null,
                                                NOW))));
                    }
                },
                Named.as("halve"));
        router.routeFailures(outcomes, "halved").to(OUTPUT, Produced.with(Serdes.String(), Serdes.Integer()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-router-test-3");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver third = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, byte[]> in =
                    third.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer());
            // When an even, an odd and an even number arrive
            in.pipeInput("a", bytes("4"));
            in.pipeInput("b", bytes("5"));
            in.pipeInput("c", bytes("8"));

            // Then the odd one is a dead letter with its origin, the even ones are halved
            List<String> letters = third.createOutputTopic(
                            DEAD_LETTERS, new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();
            assertThat(letters).singleElement().satisfies(letter -> {
                String[] fields = letter.split("\\|", 5);
                assertThat(fields[0]).isEqualTo("PROCESSING_FAILED");
                assertThat(fields[1]).isEqualTo(INPUT + ":0:1");
                assertThat(fields[4]).isEqualTo("odd");
            });
            assertThat(third.createOutputTopic(OUTPUT, new StringDeserializer(), new IntegerDeserializer())
                            .readValuesToList())
                    .containsExactly(2, 4);
        }
    }

    private static Integer square(String key, Integer value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative numbers are not squared here");
        }
        return value == 0 ? null : value * value;
    }

    private static String render(FailedRecord failure) {
        String value = failure.value() == null ? "-" : Base64.getEncoder().encodeToString(failure.value());
        return String.join(
                "|",
                failure.kind().name(),
                failure.source(),
                String.valueOf(failure.errorClass()),
                value,
                failure.reason());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
