package io.wirewatch.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the registry client for a serde config: {@code mock://scope} gives the in-memory registry of that scope,
 * anything else a REST client. REST clients are shared per (url, credentials) so that every serde in a JVM shares one
 * cache, as Confluent's serdes do.
 */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";

    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {}

    public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
        String url = config.schemaRegistryUrl().trim();
        if (url.startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistry.scope(url.substring(MOCK_SCHEME.length()));
        }
        String key = url + "|" + config.basicAuthCredentialsSource() + "|" + config.basicAuthUserInfo();
        return SHARED.computeIfAbsent(key, k -> new RestSchemaRegistryClient(config));
    }
}
