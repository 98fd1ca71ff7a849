package io.wirewatch.platform.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
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
    private final Map<String, Integer> idCache = new ConcurrentHashMap<>();

    public KafkaAvroSerializer() {
    }

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
            throw new SerializationException("Cannot write " + record.getClass().getName() + " as Avro on topic '" + topic
                    + "': expected a SpecificRecord or GenericRecord");
        }
        if (registry == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = container.getSchema();
        int id = idCache.computeIfAbsent(subject + "\u0000" + schema, k -> schemaId(subject, schema));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record, schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Could not write " + schema.getFullName() + " as Avro on topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (config.autoRegisterSchemas()) {
            return registry.register(subject, schema);
        }
        if (config.useLatestVersion()) {
            return registry.latest(subject).id();
        }
        return registry.lookup(subject, schema).orElseThrow(() -> new SerializationException(
                "Schema " + schema.getFullName() + " is not registered under subject '" + subject + "' and "
                        + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DatumWriter<Object> writerFor(Object record, Schema schema) {
        return record instanceof SpecificRecord ? new SpecificDatumWriter(schema) : new GenericDatumWriter(schema);
    }
}
