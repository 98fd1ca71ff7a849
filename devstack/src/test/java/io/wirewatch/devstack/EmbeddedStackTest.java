package io.wirewatch.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.devstack.registry.EmbeddedSchemaRegistry;
import io.wirewatch.devstack.registry.InMemoryRegistryLog;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Article;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.RestSchemaRegistryClient;
import org.junit.jupiter.api.Test;

class EmbeddedStackTest {

    @Test
    void shouldGiveServicesAClusterConfigWhoseRegistryClientPassesBasicAuthentication() {
        // Given a registry that requires credentials
        try (EmbeddedSchemaRegistry secured = EmbeddedSchemaRegistry.start(
                new InMemoryRegistryLog(),
                EmbeddedSchemaRegistry.Options.defaults().withBasicAuth("wire:watch"))) {

            // When the stack describes the cluster for a service
            ClusterConfig cluster = EmbeddedStack.clusterConfig("localhost:9092", secured.url(), "wire:watch");

            // Then a registry client built from it is let in
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(AvroSerdeConfig.from(cluster.serdeConfig()));
            client.register("articles.raw-value", Article.getClassSchema());
            assertThat(client.subjects()).containsExactly("articles.raw-value");
        }
    }

    @Test
    void shouldGiveNoCredentialsWhenTheRegistryIsOpen() {
        ClusterConfig cluster = EmbeddedStack.clusterConfig("localhost:9092", "http://localhost:8081", null);

        assertThat(cluster.serdeConfig()).containsOnlyKeys(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }
}
