package io.wirewatch.platform.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.serde.FailedRecord;
import io.wirewatch.serde.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds dead-letter routing to a Kafka Streams topology: consumes raw byte-array values, emits the typed values that
 * decode (and process), and writes every other record to the dead-letter topic as a {@code D} built by the
 * service's function from a {@link FailedRecord}. See the package documentation for how a service uses it.
 *
 * <p>Immutable; one instance per service topology. Every processor it adds is named after the {@code name} given
 * to each call, so two input topics need two distinct names.
 *
 * @param <D> the dead-letter value type (Wirewatch's Avro {@code DeadLetter})
 */
public final class DeadLetterRouter<D> {

    /** Name of the Micrometer counter of dead letters. */
    public static final String METER_NAME = "wirewatch.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);

    private final String service;
    private final String deadLetterTopic;
    private final Serde<D> deadLetterSerde;
    private final Function<FailedRecord, D> toDeadLetter;
    private final MeterRegistry meterRegistry;
    private final Clock clock;

    private DeadLetterRouter(Builder<D> builder) {
        this.service = builder.service;
        this.deadLetterTopic = builder.deadLetterTopic;
        this.deadLetterSerde = builder.deadLetterSerde;
        this.toDeadLetter = builder.toDeadLetter;
        this.meterRegistry = builder.meterRegistry;
        this.clock = builder.clock;
    }

    /**
     * @param service         the service name written into each dead letter and the metric tag
     * @param deadLetterTopic the dead-letter topic's name
     * @param deadLetterSerde the serde of its values (keys are the input keys, as strings)
     * @param toDeadLetter    builds the dead-letter value from a failure
     */
    public static <D> Builder<D> builder(
            String service, String deadLetterTopic, Serde<D> deadLetterSerde, Function<FailedRecord, D> toDeadLetter) {
        return new Builder<>(service, deadLetterTopic, deadLetterSerde, toDeadLetter);
    }

    /**
     * How to consume an input topic that this router decodes: string keys, byte-array values, so that decoding
     * happens in a processor that can dead-letter instead of in the consumer, which cannot.
     */
    public static Consumed<String, byte[]> consumed(String sourceName) {
        return Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(sourceName);
    }

    /** The values of {@code input} that {@code deserializer} reads; every other record becomes a dead letter. */
    public <V> KStream<String, V> decode(KStream<String, byte[]> input, Deserializer<V> deserializer, String name) {
        return decodeAndProcess(input, deserializer, (key, value) -> value, name);
    }

    /**
     * Decodes each value of {@code input} and applies {@code function} to it; the results continue, while records that
     * do not decode, or that make the function throw or return null, become dead letters carrying the original bytes.
     * The output keeps each input record's key and timestamp.
     *
     * <p>Adds processor {@code <name>-decode}, then the nodes of {@link #routeFailures}.
     */
    public <V, R> KStream<String, R> decodeAndProcess(
            KStream<String, byte[]> input,
            Deserializer<V> deserializer,
            RecordFunction<? super V, ? extends R> function,
            String name) {
        Objects.requireNonNull(deserializer, "deserializer");
        Objects.requireNonNull(function, "function");
        requireName(name);
        KStream<String, Decoded<R>> decoded = input.processValues(
                () -> new DecodingProcessor<V, R>(deserializer, function), Named.as(name + "-decode"));
        return routeFailures(decoded, name);
    }

    /**
     * Splits outcomes computed elsewhere in a topology (for instance by a stateful processor that catches its own
     * exceptions and emits {@link Decoded#failure}): failures go to the dead-letter topic, successes continue as plain
     * values. Adds branches {@code <name>-ok} and {@code <name>-failed}, {@code <name>-failure},
     * {@code <name>-to-dead-letter}, sink {@code <name>-dead-letter-sink} and {@code <name>-value}.
     */
    public <V> KStream<String, V> routeFailures(KStream<String, Decoded<V>> outcomes, String name) {
        requireName(name);
        Map<String, KStream<String, Decoded<V>>> branches = outcomes.split(Named.as(name + "-"))
                .branch((key, outcome) -> outcome.isSuccess(), Branched.as("ok"))
                .defaultBranch(Branched.as("failed"));
        sendToDeadLetters(
                branches.get(name + "-failed")
                        .mapValues(outcome -> ((Decoded.Failure<V>) outcome).failure(), Named.as(name + "-failure")),
                name);
        return branches.get(name + "-ok")
                .mapValues(outcome -> ((Decoded.Success<V>) outcome).value(), Named.as(name + "-value"));
    }

    /**
     * Writes failures found elsewhere in a topology (for instance inside a stateful processor) to the dead-letter
     * topic, counted and logged like the ones this router finds itself. Adds {@code <name>-to-dead-letter} and the
     * sink {@code <name>-dead-letter-sink}.
     */
    public void sendToDeadLetters(KStream<String, FailedRecord> failures, String name) {
        requireName(name);
        failures.mapValues(this::toDeadLetter, Named.as(name + "-to-dead-letter"))
                .to(
                        deadLetterTopic,
                        Produced.with(Serdes.String(), deadLetterSerde).withName(name + "-dead-letter-sink"));
    }

    /** The registry the dead-letter counter lives in. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    private D toDeadLetter(FailedRecord failure) {
        Counter.builder(METER_NAME)
                .description("Input records written to the dead-letter topic")
                .tag("service", failure.service())
                .tag("topic", failure.topic() == null ? "unknown" : failure.topic())
                .tag("reason", failure.kind().tagValue())
                .tag("error", failure.errorClass() == null ? "none" : simpleName(failure.errorClass()))
                .register(meterRegistry)
                .increment();
        LOG.warn("Dead-lettering record {} ({} bytes): {}", failure.source(), failure.valueSize(), failure.reason());
        return toDeadLetter.apply(failure);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A processor name prefix is required");
        }
    }

    /** Decodes and processes one record at a time, turning every failure into a {@link Decoded.Failure}. */
    private final class DecodingProcessor<V, R> implements FixedKeyProcessor<String, byte[], Decoded<R>> {

        private final Deserializer<V> deserializer;
        private final RecordFunction<? super V, ? extends R> function;
        private FixedKeyProcessorContext<String, Decoded<R>> context;

        DecodingProcessor(Deserializer<V> deserializer, RecordFunction<? super V, ? extends R> function) {
            this.deserializer = deserializer;
            this.function = function;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Decoded<R>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            context.forward(record.withValue(outcomeOf(record)));
        }

        private Decoded<R> outcomeOf(FixedKeyRecord<String, byte[]> record) {
            Optional<RecordMetadata> origin = context.recordMetadata();
            String topic = origin.map(RecordMetadata::topic).orElse(null);
            byte[] raw = record.value();
            if (raw == null) {
                return failure(record, origin, FailureKind.NULL_VALUE, "Record has no value (tombstone)", null);
            }
            V value;
            try {
                value = deserializer.deserialize(topic, record.headers(), raw);
            } catch (RuntimeException e) {
                return failure(record, origin, FailureKind.UNDECODABLE, "Cannot decode value: " + e.getMessage(), e);
            }
            if (value == null) {
                return failure(record, origin, FailureKind.UNDECODABLE, "Deserializer returned no value", null);
            }
            R result;
            try {
                result = function.apply(record.key(), value);
            } catch (Exception | StackOverflowError e) {
                // StackOverflowError too: a pathological input (deeply nested regex backtracking) must cost one record,
                // not the stream thread, which would otherwise be replaced and fail again on the same record forever.
                return failure(record, origin, FailureKind.PROCESSING_FAILED, "Processing failed: " + e, e);
            }
            if (result == null) {
                return failure(record, origin, FailureKind.PROCESSING_FAILED, "Processing produced no value", null);
            }
            return Decoded.success(result);
        }

        private Decoded<R> failure(
                FixedKeyRecord<String, byte[]> record,
                Optional<RecordMetadata> origin,
                FailureKind kind,
                String reason,
                Throwable error) {
            return Decoded.failure(
                    failedRecord(service, kind, origin, record.key(), record.value(), reason, error, clock.instant()));
        }
    }

    /**
     * A failure of the record a processor is handling, its origin taken from the processor context's
     * {@code recordMetadata()} (empty in punctuations, giving an unknown origin).
     *
     * @param key   the record's key, stored as UTF-8
     * @param error the exception that made the record fail, or null
     */
    public static FailedRecord failedRecord(
            String service,
            FailureKind kind,
            Optional<RecordMetadata> origin,
            String key,
            byte[] value,
            String reason,
            Throwable error,
            Instant failedAt) {
        return new FailedRecord(
                service,
                kind,
                origin.map(RecordMetadata::topic).orElse(null),
                origin.map(RecordMetadata::partition).orElse(-1),
                origin.map(RecordMetadata::offset).orElse(-1L),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value,
                reason,
                error == null ? null : error.getClass().getName(),
                failedAt);
    }

    /** Required parts in {@link #builder}, optional ones here. */
    public static final class Builder<D> {
        private final String service;
        private final String deadLetterTopic;
        private final Serde<D> deadLetterSerde;
        private final Function<FailedRecord, D> toDeadLetter;
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();
        private Clock clock = Clock.systemUTC();

        private Builder(
                String service,
                String deadLetterTopic,
                Serde<D> deadLetterSerde,
                Function<FailedRecord, D> toDeadLetter) {
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException("service must not be blank");
            }
            if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
                throw new IllegalArgumentException("deadLetterTopic must not be blank");
            }
            this.service = service;
            this.deadLetterTopic = deadLetterTopic;
            this.deadLetterSerde = Objects.requireNonNull(deadLetterSerde, "deadLetterSerde");
            this.toDeadLetter = Objects.requireNonNull(toDeadLetter, "toDeadLetter");
        }

        /** Where the dead-letter counter is registered; a fresh SimpleMeterRegistry by default. */
        public Builder<D> meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /** The clock that stamps {@link FailedRecord#failedAt()}; the system UTC clock by default. */
        public Builder<D> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public DeadLetterRouter<D> build() {
            return new DeadLetterRouter<>(this);
        }
    }
}
