package io.wirewatch.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for one generated Avro class in Confluent's wire format; always reads with the specific reader. */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    private Map<String, Object> configs;
    private boolean isKey;

    public SpecificAvroSerde(Class<T> type) {
        this.type = type;
    }

    /** A serde ready to use with the given config (e.g. {@code schema.registry.url}). */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> configured(
            Class<T> type, Map<String, ?> configs, boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withSpecificReader = new HashMap<>(configs);
        withSpecificReader.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(withSpecificReader, isKey);
        deserializer.configure(withSpecificReader, isKey);
        this.configs = withSpecificReader;
        this.isKey = isKey;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> serializer.serialize(topic, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return checked(deserializer);
    }

    /**
     * A deserializer of this serde's configuration that leaves the named array fields empty without decoding them,
     * for a consumer that does not read them (each as {@code record full name + "." + field name}).
     */
    public Deserializer<T> deserializerSkipping(Set<String> fields) {
        if (configs == null) {
            throw new IllegalStateException("SpecificAvroSerde used before configure()");
        }
        KafkaAvroDeserializer skipping = new KafkaAvroDeserializer().skipping(fields);
        skipping.configure(configs, isKey);
        return checked(skipping);
    }

    private Deserializer<T> checked(KafkaAvroDeserializer deserializer) {
        return (topic, data) -> {
            Object value = deserializer.deserialize(topic, data);
            if (value != null && !type.isInstance(value)) {
                throw new SerializationException("Record on topic '" + topic + "' is a "
                        + value.getClass().getName() + ", expected " + type.getName());
            }
            return type.cast(value);
        };
    }
}
