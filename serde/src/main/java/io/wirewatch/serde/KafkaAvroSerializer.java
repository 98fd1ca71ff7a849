package io.wirewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, registering their schema under
 * {@code <topic>-value} (or {@code <topic>-key}) as Confluent's TopicNameStrategy does.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();

    public KafkaAvroSerializer() {}

    /** For callers that share one registry client; {@link #configure} may still be called to set options. */
    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            this.registry = SchemaRegistryClients.forConfig(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object record) {
        if (record == null) {
            return null;
        }
        if (!(record instanceof GenericContainer container)) {
            throw new SerializationException("Cannot write " + record.getClass().getName() + " as Avro on topic '"
                    + topic + "': expected a SpecificRecord or GenericRecord");
        }
        if (registry == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = container.getSchema();
        Target target;
        try {
            // Keyed by the Schema object: its hash is cached by Avro, whereas a string key would re-render the
            // schema as JSON for every record.
            target = targets.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(schema, s -> target(subject, s));
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Could not find a schema id for " + schema.getFullName() + " on topic '" + topic + "': "
                            + e.getMessage(),
                    e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(target.id()).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            Object value =
                    target.converter() == null ? record : target.converter().apply(record);
            target.writer().write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not write " + schema.getFullName() + " as Avro on topic '" + topic + "': " + e.getMessage(),
                    e);
        }
    }

    /** Decides the schema id a record schema is written under, and with which writer, once per (subject, schema). */
    private Target target(String subject, Schema schema) {
        if (config.autoRegisterSchemas()) {
            return new Target(registry.register(subject, schema), writerFor(schema), null);
        }
        if (config.useLatestVersion()) {
            return latestVersionTarget(subject, schema);
        }
        int id = registry.lookup(subject, schema)
                .orElseThrow(() -> new SerializationException(
                        "Schema " + schema.getFullName() + " is not registered under subject '" + subject + "' and "
                                + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false"));
        return new Target(id, writerFor(schema), null);
    }

    /**
     * As Confluent's {@code use.latest.version}: the record is written in the subject's latest schema, under that
     * schema's id. When the record's own schema differs, its values are first resolved into the latest schema by
     * Avro's schema resolution (which fills defaults and drops removed fields); a latest schema that cannot read the
     * record's schema is refused rather than labelling bytes with an id that would misread them.
     */
    private Target latestVersionTarget(String subject, Schema schema) {
        SchemaRegistryClient.SchemaVersion latest = registry.latest(subject);
        Schema latestSchema = latest.schema();
        if (SchemaNormalization.toParsingForm(latestSchema).equals(SchemaNormalization.toParsingForm(schema))) {
            return new Target(latest.id(), writerFor(schema), null);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(latestSchema, schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException(
                    "Record schema " + schema.getFullName() + " cannot be written as the latest version "
                            + latest.version() + " (id " + latest.id() + ") of subject '" + subject + "' with "
                            + AvroSerdeConfig.USE_LATEST_VERSION + "=true: " + compatibility.getDescription());
        }
        DatumWriter<Object> ownWriter = writerFor(schema);
        GenericDatumReader<Object> resolver = new GenericDatumReader<>(schema, latestSchema);
        Function<Object, Object> converter = value -> {
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
                ownWriter.write(value, encoder);
                encoder.flush();
                return resolver.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
            } catch (IOException e) {
                throw new SerializationException(
                        "Could not resolve " + schema.getFullName() + " into the latest schema of '" + subject + "': "
                                + e.getMessage(),
                        e);
            }
        };
        return new Target(latest.id(), new GenericDatumWriter<>(latestSchema), converter);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DatumWriter<Object> writerFor(Schema schema) {
        // A SpecificDatumWriter also writes GenericRecords (it falls back to generic access), and it applies the
        // logical-type conversions generated classes need.
        return new SpecificDatumWriter(schema);
    }

    /** Where records of one schema go: the id in the header, the writer of the body, an optional conversion. */
    private record Target(int id, DatumWriter<Object> writer, Function<Object, Object> converter) {}
}
