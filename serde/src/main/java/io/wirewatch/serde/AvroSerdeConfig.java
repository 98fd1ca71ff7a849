package io.wirewatch.serde;

import java.util.Map;

/**
 * The configuration keys of Confluent's Avro serdes, kept verbatim so that a config written for Confluent's
 * {@code KafkaAvroSerializer} works unchanged with ours.
 */
public record AvroSerdeConfig(
        String schemaRegistryUrl,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        String basicAuthCredentialsSource,
        String basicAuthUserInfo) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent also accepts the user info under the registry-prefixed key; so do we. */
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";

    public AvroSerdeConfig {
        if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
            throw new IllegalArgumentException("Missing required configuration '" + SCHEMA_REGISTRY_URL
                    + "' (e.g. http://localhost:8081, or mock://<scope> in tests)");
        }
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        Object userInfo = configs.containsKey(BASIC_AUTH_USER_INFO)
                ? configs.get(BASIC_AUTH_USER_INFO)
                : configs.get(SCHEMA_REGISTRY_USER_INFO);
        return new AvroSerdeConfig(
                url == null ? null : url.toString(),
                bool(configs.get(AUTO_REGISTER_SCHEMAS), true),
                bool(configs.get(USE_LATEST_VERSION), false),
                bool(configs.get(SPECIFIC_AVRO_READER), false),
                configs.get(BASIC_AUTH_CREDENTIALS_SOURCE) == null
                        ? "URL"
                        : configs.get(BASIC_AUTH_CREDENTIALS_SOURCE).toString(),
                userInfo == null ? null : userInfo.toString());
    }

    private static boolean bool(Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("Expected true or false but got '" + value + "'");
    }
}
