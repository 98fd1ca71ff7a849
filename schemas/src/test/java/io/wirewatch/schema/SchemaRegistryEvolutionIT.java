package io.wirewatch.schema;

import static io.wirewatch.schema.SchemaEvolution.plainWithout;
import static io.wirewatch.schema.SchemaEvolution.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.devstack.registry.EmbeddedSchemaRegistry;
import io.wirewatch.devstack.registry.InMemoryRegistryLog;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.KafkaAvroSerializer;
import io.wirewatch.serde.RestSchemaRegistryClient;
import io.wirewatch.serde.SchemaRegistryException;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v1 to v2 evolution of the contract against the real {@link EmbeddedSchemaRegistry} over HTTP, under its
 * default BACKWARD rule: v1 then v2 register as versions 1 and 2 of a subject, a record written by a v1 producer is
 * read by the current serde, and an incompatible change is answered with 409.
 */
class SchemaRegistryEvolutionIT {

    private EmbeddedSchemaRegistry server;
    private RestSchemaRegistryClient registry;
    private Map<String, Object> serdeConfig;

    @BeforeEach
    void startRegistry() {
        server = EmbeddedSchemaRegistry.start(new InMemoryRegistryLog(), EmbeddedSchemaRegistry.Options.defaults());
        serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
        registry = new RestSchemaRegistryClient(AvroSerdeConfig.from(serdeConfig));
    }

    @AfterEach
    void stopRegistry() {
        server.close();
    }

    @Test
    void shouldAcceptV2AfterV1AndServeV1RecordsToTheCurrentSerde() {
        // Given an old producer that wrote an Article with v1 over HTTP
        Topics topics = Topics.create(serdeConfig);
        String topic = topics.articlesRaw().name();
        KafkaAvroSerializer oldProducer = new KafkaAvroSerializer();
        oldProducer.configure(serdeConfig, false);
        GenericRecord old = new GenericRecordBuilder(v1("Article"))
                .set("id", "a-1")
                .set("ingestedAt", Instant.parse("2012-02-07T10:00:00Z").toEpochMilli())
                .set("text", "Text.")
                .set("originalText", "Text .")
                .set("contentHash", "00")
                .set("sourceRef", "http")
                .build();
        byte[] oldBytes = oldProducer.serialize(topic, old);

        // When the current schemas are registered next
        int v2Article = registry.register(topic + "-value", Article.getClassSchema());
        int v1Alert = registry.register(topics.alerts().name() + "-value", v1("Alert"));
        int v2Alert = registry.register(topics.alerts().name() + "-value", Alert.getClassSchema());

        // Then each is a new version of its subject, and the current serde reads the v1 record
        assertThat(registry.latest(topic + "-value").version()).isEqualTo(2);
        assertThat(registry.latest(topic + "-value").id()).isEqualTo(v2Article);
        assertThat(v2Alert).isNotEqualTo(v1Alert);
        Article read = topics.articlesRaw().valueSerde().deserializer().deserialize(topic, oldBytes);
        assertThat(read.getLanguage()).isNull();
        assertThat(plainWithout(read, "language")).isEqualTo(SchemaEvolution.plain(old));
    }

    @Test
    void shouldAnswer409ToAnIncompatibleArticleOverHttp() {
        // Given the subject holds the current Article
        String subject = Topics.ARTICLES_RAW + "-value";
        registry.register(subject, Article.getClassSchema());

        // When a schema whose 'text' became an int is registered
        Schema broken = SchemaEvolution.withFieldType(Article.getClassSchema(), "text", Schema.create(Schema.Type.INT));

        // Then the registry says it is incompatible and refuses it with 409, keeping one version
        assertThat(registry.isCompatible(subject, broken)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, broken))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
        assertThat(registry.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void shouldAnswer409ToAnAlertGainingARequiredFieldOverHttp() {
        // Given the subject holds v1 of Alert
        String subject = Topics.ALERTS + "-value";
        registry.register(subject, v1("Alert"));

        // When an Alert with a required field without default is registered, Then it is refused with 409
        Schema broken = SchemaEvolution.withExtraField(
                Alert.getClassSchema(), new Schema.Field("region", Schema.create(Schema.Type.STRING), "Region."));
        assertThatThrownBy(() -> registry.register(subject, broken))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        assertThat(registry.latest(subject).version()).isEqualTo(1);
    }
}
