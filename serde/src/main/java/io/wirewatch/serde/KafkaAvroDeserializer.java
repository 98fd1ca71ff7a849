package io.wirewatch.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format. With {@code specific.avro.reader=true} it returns the generated class
 * named by the writer's schema, resolved to that class's own (reader) schema, so an old consumer reads new records
 * and a new consumer old ones; otherwise a GenericRecord in the writer's schema.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private boolean specificReader;
    private Set<String> skippedFields = Set.of();
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {}

    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        this.specificReader = AvroSerdeConfig.from(configs).specificAvroReader();
    }

    /**
     * This deserializer with the specific reader leaving the named array fields empty, without decoding them (see
     * {@link SchemaProjection}): for a consumer that does not use them. Call before the first record.
     *
     * @param fields each as {@code record full name + "." + field name}
     */
    public KafkaAvroDeserializer skipping(Set<String> fields) {
        this.skippedFields = Set.copyOf(fields);
        readers.clear();
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.specificReader = config.specificAvroReader();
        if (registry == null) {
            this.registry = SchemaRegistryClients.forConfig(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(topic, buffer);
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SerializationException e) {
            throw new SerializationException(
                    "Record on topic '" + topic + "' names schema id " + id + " which cannot be read: "
                            + e.getMessage(),
                    e);
        }
        try {
            return reader.read(
                    null, DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Record on topic '" + topic + "' with schema id " + id + " is not valid Avro for that schema: " + e,
                    e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.getById(id);
        if (specificReader) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated == null) {
                throw new SerializationException("No generated class on the classpath for " + writer.getFullName()
                        + " (schema id " + id + ") and " + AvroSerdeConfig.SPECIFIC_AVRO_READER + "=true");
            }
            Schema reader = SpecificData.get().getSchema(generated);
            return new SpecificDatumReader(
                    writer, skippedFields.isEmpty() ? reader : SchemaProjection.withoutFields(reader, skippedFields));
        }
        return new GenericDatumReader(writer);
    }
}
