package io.wirewatch.platform.config;

import io.wirewatch.serde.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the Kafka cluster and the schema registry are, and how to talk to them securely: the part of every
 * service's configuration that is the same for all three.
 *
 * <p>Read from environment variables the way Confluent's images read theirs: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code SCHEMA_REGISTRY_URL}, and any other {@code KAFKA_X_Y} becomes client property {@code x.y}
 * ({@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} gives {@code security.protocol=SASL_SSL}) and is passed to every producer,
 * consumer, admin and Streams client; {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} and
 * {@code SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE} reach the registry client.
 */
public record ClusterConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        Map<String, String> clientProperties,
        Map<String, String> serdeProperties) {

    public static final String ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_REGISTRY = "SCHEMA_REGISTRY_URL";
    public static final String ENV_REGISTRY_AUTH_SOURCE = "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE";
    public static final String ENV_REGISTRY_USER_INFO = "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO";

    public ClusterConfig {
        requireText(bootstrapServers, ENV_BOOTSTRAP);
        requireText(schemaRegistryUrl, ENV_REGISTRY);
        clientProperties = Map.copyOf(clientProperties);
        serdeProperties = Map.copyOf(serdeProperties);
    }

    public static ClusterConfig of(String bootstrapServers, String schemaRegistryUrl) {
        return new ClusterConfig(bootstrapServers, schemaRegistryUrl, Map.of(), Map.of());
    }

    /** Reads the process environment, over the properties file {@link Env#CONFIG_FILE} names, if any. */
    public static ClusterConfig fromEnvironment() {
        return fromEnvironment(Env.load());
    }

    public static ClusterConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> client = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.equals(ENV_BOOTSTRAP) && value != null) {
                client.put(
                        name.substring("KAFKA_".length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'),
                        value);
            }
        });
        Map<String, String> serde = new TreeMap<>();
        if (env.get(ENV_REGISTRY_AUTH_SOURCE) != null) {
            serde.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, env.get(ENV_REGISTRY_AUTH_SOURCE));
        }
        if (env.get(ENV_REGISTRY_USER_INFO) != null) {
            serde.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, env.get(ENV_REGISTRY_USER_INFO));
            serde.putIfAbsent(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        }
        return new ClusterConfig(
                env.getOrDefault(ENV_BOOTSTRAP, "localhost:9092"),
                env.getOrDefault(ENV_REGISTRY, "http://localhost:8081"),
                client,
                serde);
    }

    /** Properties for any Kafka client: bootstrap servers plus every security and tuning override. */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** Config for the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>(serdeProperties);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return config;
    }

    public ClusterConfig withClientProperty(String key, String value) {
        Map<String, String> client = new HashMap<>(clientProperties);
        client.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return new ClusterConfig(bootstrapServers, schemaRegistryUrl, client, serdeProperties);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Configuration " + name + " must not be empty");
        }
    }
}
