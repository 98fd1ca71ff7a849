package io.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.fixture.Headline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Confluent wire format, schema resolution and serde options, on the in-memory {@code mock://} registry. */
class KafkaAvroSerdeTest {

    private static final String TOPIC = "articles.raw";
    private static final Schema HEADLINE_V1 = readSchema("/headline-v1.avsc");

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final Map<String, Object> config =
            new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldWriteTheMagicByteThenTheSchemaIdBigEndianThenTheAvroBinary() throws IOException {
        // Given a registry that gives the id 0x0A0B0C0D, so that byte order shows
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(new FixedIdRegistry(0x0A0B0C0D), config, false);
        Headline headline = new Headline("h-1", "Arab League suspends Syria", "BBC");

        // When a record is written
        byte[] written = serializer.serialize(TOPIC, headline);

        // Then the bytes are 0x00, the id big-endian, and the fields Avro-encoded in schema order
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0x00, 0x0A, 0x0B, 0x0C, 0x0D});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        encoder.writeString("h-1");
        encoder.writeString("Arab League suspends Syria");
        encoder.writeString("BBC");
        encoder.flush();
        assertThat(written).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldReadBytesBuiltByHandInTheWireFormat() throws IOException {
        // Given the schema registered and a record encoded field by field behind the five-byte header
        int id = InMemorySchemaRegistry.scope(scope).register(TOPIC + "-value", Headline.getClassSchema());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0);
        bytes.write(new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        encoder.writeString("h-2");
        encoder.writeString("Gulf states recall ambassadors");
        encoder.writeString("CBC");
        encoder.flush();

        // When it is read with the specific serde
        Headline read = SpecificAvroSerde.configured(Headline.class, config, false)
                .deserializer()
                .deserialize(TOPIC, bytes.toByteArray());

        // Then it is the record
        assertThat(read).isEqualTo(new Headline("h-2", "Gulf states recall ambassadors", "CBC"));
    }

    @Test
    void shouldResolveARecordWrittenWithTheOldSchemaIntoTheNewGeneratedClass() {
        // Given a record written by an old producer with version 1 (no outlet field)
        GenericRecord old = new GenericData.Record(HEADLINE_V1);
        old.put("id", "h-3");
        old.put("text", "Russia vetoes resolution");
        GenericAvroSerde oldProducer = new GenericAvroSerde();
        oldProducer.configure(config, false);
        byte[] bytes = oldProducer.serializer().serialize(TOPIC, old);

        // When a consumer with the version 2 class reads it
        Headline read = SpecificAvroSerde.configured(Headline.class, config, false)
                .deserializer()
                .deserialize(TOPIC, bytes);
        GenericRecord asWritten = oldProducer.deserializer().deserialize(TOPIC, bytes);

        // Then the new field takes its default, while a generic reader sees the writer's schema
        assertThat(read).isEqualTo(new Headline("h-3", "Russia vetoes resolution", "unknown"));
        assertThat(asWritten.getSchema()).isEqualTo(HEADLINE_V1);
        assertThat(asWritten.get("text")).hasToString("Russia vetoes resolution");
    }

    @Test
    void shouldRefuseBytesThatAreNotInTheWireFormatNamingTheTopic() {
        KafkaAvroDeserializer deserializer = configuredDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1, 2, 3}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("magic byte");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{\"id\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("first byte is 123");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("2 bytes");
    }

    @Test
    void shouldRefuseAnUnknownSchemaIdNamingTheTopicAndTheId() {
        KafkaAvroDeserializer deserializer = configuredDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0x03, (byte) 0xE7, 2, 65}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("999");
    }

    @Test
    void shouldRefuseTruncatedAvroNamingTheTopic() {
        // Given a valid record cut short
        byte[] whole = SpecificAvroSerde.configured(Headline.class, config, false)
                .serializer()
                .serialize(TOPIC, new Headline("h-4", "A headline long enough to cut", "AP"));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);

        // Then reading it fails with a message naming the topic
        assertThatThrownBy(() -> configuredDeserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("not valid Avro");
    }

    @Test
    void shouldRefuseToSerializeAnObjectThatIsNotAnAvroRecord() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void shouldKeepMockScopesApart() {
        // Given a record written through one scope
        byte[] bytes = SpecificAvroSerde.configured(Headline.class, config, false)
                .serializer()
                .serialize(TOPIC, new Headline("h-5", "Scoped", "AFP"));
        String otherScope = scope + "-other";
        Map<String, Object> otherConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + otherScope);

        try {
            // Then another scope knows neither the subject nor the id
            assertThat(InMemorySchemaRegistry.scope(scope).subjects()).containsExactly(TOPIC + "-value");
            assertThat(InMemorySchemaRegistry.scope(otherScope).subjects()).isEmpty();
            assertThatThrownBy(() -> SpecificAvroSerde.configured(Headline.class, otherConfig, false)
                            .deserializer()
                            .deserialize(TOPIC, bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not found");

            // And a dropped scope starts empty
            InMemorySchemaRegistry.dropScope(scope);
            assertThat(InMemorySchemaRegistry.scope(scope).subjects()).isEmpty();
        } finally {
            InMemorySchemaRegistry.dropScope(otherScope);
        }
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, true);

        serializer.serialize(TOPIC, new Headline("h-6", "Keyed", "BBC"));

        assertThat(InMemorySchemaRegistry.scope(scope).subjects()).containsExactly(TOPIC + "-key");
    }

    @Test
    void shouldOnlyUseAlreadyRegisteredSchemasWhenAutoRegistrationIsOff() {
        // Given auto registration off
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        Headline headline = new Headline("h-7", "Unregistered", "BBC");

        // Then an unregistered schema is refused, and nothing gets registered
        assertThatThrownBy(() -> serializer.serialize(TOPIC, headline))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered")
                .hasMessageContaining(TOPIC + "-value");
        assertThat(InMemorySchemaRegistry.scope(scope).subjects()).isEmpty();

        // When someone registers it, Then its id is written
        int id = InMemorySchemaRegistry.scope(scope).register(TOPIC + "-value", Headline.getClassSchema());
        KafkaAvroSerializer fresh = new KafkaAvroSerializer();
        fresh.configure(config, false);
        assertThat(WireFormat.readSchemaId(TOPIC, java.nio.ByteBuffer.wrap(fresh.serialize(TOPIC, headline))))
                .isEqualTo(id);
    }

    @Test
    void shouldWriteInTheLatestRegisteredSchemaWhenUseLatestVersionIsOn() {
        // Given version 2 registered as the latest, and a producer holding version 1 records
        int latestId = InMemorySchemaRegistry.scope(scope).register(TOPIC + "-value", Headline.getClassSchema());
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        GenericRecord old = new GenericData.Record(HEADLINE_V1);
        old.put("id", "h-8");
        old.put("text", "Written as latest");

        // When it is serialized
        byte[] bytes = serializer.serialize(TOPIC, old);

        // Then it carries the latest id and reads back as that schema, the missing field defaulted
        assertThat(WireFormat.readSchemaId(TOPIC, java.nio.ByteBuffer.wrap(bytes)))
                .isEqualTo(latestId);
        assertThat(SpecificAvroSerde.configured(Headline.class, config, false)
                        .deserializer()
                        .deserialize(TOPIC, bytes))
                .isEqualTo(new Headline("h-8", "Written as latest", "unknown"));
        assertThat(InMemorySchemaRegistry.scope(scope).subjects()).containsExactly(TOPIC + "-value");
    }

    @Test
    void shouldRefuseUseLatestVersionWhenTheLatestSchemaCannotReadTheRecord() {
        // Given a latest schema with a required field the record does not have
        Schema strict = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Headline\","
                        + "\"namespace\":\"io.wirewatch.serde.fixture\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                        + "{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"casualties\",\"type\":\"int\"}]}");
        InMemorySchemaRegistry.scope(scope).register(TOPIC + "-value", strict);
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);

        // Then writing a version 2 record under it is refused
        assertThatThrownBy(() -> serializer.serialize(TOPIC, new Headline("h-9", "No casualties field", "AP")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(AvroSerdeConfig.USE_LATEST_VERSION);
    }

    private KafkaAvroDeserializer configuredDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }

    private static Schema readSchema(String resource) {
        try (InputStream in = KafkaAvroSerdeTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registry that hands out one chosen id, so a test can see exactly where and how the id is written. */
    private static final class FixedIdRegistry implements SchemaRegistryClient {
        private final int id;
        private Schema registered;

        FixedIdRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            registered = schema;
            return id;
        }

        @Override
        public Optional<Integer> lookup(String subject, Schema schema) {
            return Optional.ofNullable(registered).map(s -> id);
        }

        @Override
        public Schema getById(int requested) {
            if (requested != id || registered == null) {
                throw new SchemaRegistryException("Schema " + requested + " not found", 404, 40403);
            }
            return registered;
        }

        @Override
        public SchemaVersion latest(String subject) {
            return new SchemaVersion(subject, 1, id, registered);
        }

        @Override
        public boolean isCompatible(String subject, Schema schema) {
            return true;
        }

        @Override
        public List<String> subjects() {
            return List.of();
        }
    }
}
