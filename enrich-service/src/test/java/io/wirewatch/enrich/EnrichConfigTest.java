package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.DeadLetters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    private static final Map<String, String> CLUSTER = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081");

    @Test
    void shouldChangeOnlyTheNamedSettingsInEachWithMethod() {
        // Given a config read from the environment
        EnrichConfig base = EnrichConfig.fromEnvironment(Map.of("ENRICH_NUM_STREAM_THREADS", "2"));
        Path dir = Path.of("other-state");

        // When every with method is applied in turn
        EnrichConfig changed = base.withApplicationId("other")
                .withStateDir(dir)
                .withTopicPrefix("p.")
                .withDeadLetterMaxBytes(1000)
                .withReplicationFactor(3)
                .withHealthPort(9);

        // Then each changed its own setting and kept every other
        assertThat(changed)
                .isEqualTo(new EnrichConfig(base.cluster(), "other", 2, dir, 3, base.commitInterval(), "p.", 1000, 9));
    }

    @Test
    void shouldApplyDefaultsWhenOnlyTheClusterIsGiven() {
        // When
        EnrichConfig config = EnrichConfig.fromEnvironment(CLUSTER);

        // Then
        assertThat(config.applicationId()).isEqualTo("wirewatch-enrich");
        assertThat(config.numStreamThreads()).isEqualTo(1);
        assertThat(config.stateDir()).isNull();
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.deadLetterMaxBytes()).isEqualTo(DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(config.healthPort()).isEqualTo(8091);
        assertThat(config.topics().articlesRaw().name()).isEqualTo("articles.raw");
    }

    @Test
    void shouldServeNoHealthEndpointWhenEmbedded() {
        assertThat(EnrichConfig.defaults(EnrichConfig.fromEnvironment(CLUSTER).cluster())
                        .healthPort())
                .isEqualTo(EnrichConfig.NO_HEALTH_SERVER);
    }

    @Test
    void shouldReadEveryVariable() {
        // Given
        Map<String, String> env = with(
                "ENRICH_APPLICATION_ID", "enrich-eu",
                "ENRICH_NUM_STREAM_THREADS", "3",
                "ENRICH_STATE_DIR", "/var/lib/enrich",
                "ENRICH_REPLICATION_FACTOR", "3",
                "ENRICH_COMMIT_INTERVAL_MS", "250",
                "WIREWATCH_TOPIC_PREFIX", "staging.",
                "DEAD_LETTER_MAX_BYTES", "1024",
                "ENRICH_HEALTH_PORT", "9191");

        // When
        EnrichConfig config = EnrichConfig.fromEnvironment(env);

        // Then
        assertThat(config.applicationId()).isEqualTo("enrich-eu");
        assertThat(config.numStreamThreads()).isEqualTo(3);
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/enrich"));
        assertThat(config.replicationFactor()).isEqualTo(3);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.deadLetterMaxBytes()).isEqualTo(1024);
        assertThat(config.healthPort()).isEqualTo(9191);
        assertThat(config.topics().articlesRaw().name()).isEqualTo("staging.articles.raw");
        assertThat(config.topics().deadLetters().name()).isEqualTo("staging.articles.dlq");
    }

    @Test
    void shouldBuildExactlyOnceStreamsPropertiesCarryingSecuritySettings() {
        // Given a cluster reached over SASL_SSL
        Map<String, String> env = with(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "ENRICH_NUM_STREAM_THREADS", "2",
                "ENRICH_STATE_DIR", "/tmp/enrich-state");

        // When
        Properties props = EnrichConfig.fromEnvironment(env).streamsProperties();

        // Then
        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-enrich")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/enrich-state")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
        // And the producer can write a dead letter holding a full 2 MiB payload
        assertThat((Integer) props.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)))
                .isGreaterThan(DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES);
        // And Kafka Streams accepts the whole set
        assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldHandEverySecuritySettingFromTheEnvironmentToEveryStreamsClient() {
        // Given a SASL_SSL cluster described only by KAFKA_* variables
        Map<String, String> security = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                + "username=\"enrich\" password=\"s3cret\";",
                "ssl.truststore.location", "/etc/wirewatch/truststore.p12",
                "ssl.truststore.password", "changeit");
        Map<String, String> env = new HashMap<>(CLUSTER);
        security.forEach((key, value) -> env.put("KAFKA_" + key.toUpperCase().replace('.', '_'), value));

        // When Kafka Streams derives the configs of the clients it creates
        StreamsConfig streams =
                new StreamsConfig(EnrichConfig.fromEnvironment(env).streamsProperties());
        List<Map<String, Object>> clients = List.of(
                streams.getMainConsumerConfigs("wirewatch-enrich", "enrich-consumer", 0),
                streams.getRestoreConsumerConfigs("enrich-restore"),
                streams.getProducerConfigs("enrich-producer"),
                streams.getAdminConfigs("enrich-admin"));

        // Then each of them carries every setting
        assertThat(clients).allSatisfy(client -> assertThat(client).containsAllEntriesOf(security));
    }

    @Test
    void shouldNameTheVariableWhenANumberIsNotANumber() {
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_NUM_STREAM_THREADS", "two")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ENRICH_NUM_STREAM_THREADS")
                .hasMessageContaining("two");
    }

    @Test
    void shouldLeaveTheReplicationOfItsTopicsToTheBrokersWhenAskedWithMinusOne() {
        EnrichConfig config = EnrichConfig.fromEnvironment(with("ENRICH_REPLICATION_FACTOR", "-1"));

        assertThat(config.streamsProperties()).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_REPLICATION_FACTOR", "-2")))
                .hasMessageContaining("ENRICH_REPLICATION_FACTOR");
    }

    @Test
    void shouldRejectOutOfRangeValuesNamingTheVariable() {
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_NUM_STREAM_THREADS", "0")))
                .hasMessageContaining("ENRICH_NUM_STREAM_THREADS");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_REPLICATION_FACTOR", "0")))
                .hasMessageContaining("ENRICH_REPLICATION_FACTOR");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_COMMIT_INTERVAL_MS", "-5")))
                .hasMessageContaining("ENRICH_COMMIT_INTERVAL_MS");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("DEAD_LETTER_MAX_BYTES", "-1")))
                .hasMessageContaining("DEAD_LETTER_MAX_BYTES");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_APPLICATION_ID", "enrich service")))
                .hasMessageContaining("ENRICH_APPLICATION_ID");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("WIREWATCH_TOPIC_PREFIX", "a/b")))
                .hasMessageContaining("WIREWATCH_TOPIC_PREFIX");
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(with("ENRICH_HEALTH_PORT", "70000")))
                .hasMessageContaining("ENRICH_HEALTH_PORT");
    }

    @Test
    void shouldRejectBlankBootstrapServers() {
        assertThatThrownBy(() -> EnrichConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ")))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = new HashMap<>(CLUSTER);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
