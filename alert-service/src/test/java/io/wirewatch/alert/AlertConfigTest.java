package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alert.rules.RuleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AlertConfigTest {

    @Test
    void shouldChangeOnlyTheNamedSettingsInEachWithMethod() {
        // Given a config read from the environment
        AlertConfig base = AlertConfig.fromEnvironment(Map.of("ALERT_NUM_STREAM_THREADS", "2"));
        Path dir = Path.of("other-state");
        RuleSettings rules = new RuleSettings(10, 5, 2.0, 3);

        // When every with method is applied in turn
        AlertConfig changed = base.withApplicationId("other")
                .withStateDir(dir)
                .withTopicPrefix("p.")
                .withHttpPort(9)
                .withReplicationFactor(3)
                .withRules(rules);

        // Then each changed its own settings and kept every other
        assertThat(changed)
                .isEqualTo(new AlertConfig(
                        base.cluster(),
                        "other",
                        2,
                        dir,
                        base.advertisedHost(),
                        9,
                        rules,
                        "p.",
                        3,
                        base.commitInterval()));
    }

    @Test
    void shouldApplyDefaultsWhenOnlyTheClusterIsGiven() {
        // Given only the cluster's variables
        AlertConfig config = AlertConfig.fromEnvironment(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "SCHEMA_REGISTRY_URL", "http://registry:8081"));

        // Then every alert setting has its documented default
        assertThat(config.applicationId()).isEqualTo("wirewatch-alert");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.rules()).isEqualTo(new RuleSettings(30, 20, 3.0, 7));
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.topics().alerts().name()).isEqualTo("alerts");
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L);
    }

    @Test
    void shouldLetTheOperatorSetThePollTimeThroughTheClusterVariables() {
        AlertConfig config = AlertConfig.fromEnvironment(Map.of("KAFKA_POLL_MS", "100"));

        assertThat(config.streamsProperties()).containsEntry(StreamsConfig.POLL_MS_CONFIG, "100");
    }

    @Test
    void shouldReadEveryVariableIntoTheStreamsProperties() {
        // Given every variable set, and a security setting for the cluster
        AlertConfig config = AlertConfig.fromEnvironment(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"),
                Map.entry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.entry("SCHEMA_REGISTRY_URL", "http://registry:8081"),
                Map.entry("ALERT_APPLICATION_ID", "alerts-eu"),
                Map.entry("ALERT_NUM_STREAM_THREADS", "2"),
                Map.entry("ALERT_STATE_DIR", "/var/lib/alert"),
                Map.entry("ALERT_ADVERTISED_HOST", "alert-1.internal"),
                Map.entry("ALERT_HTTP_PORT", "9090"),
                Map.entry("ALERT_NOVELTY_WINDOW_DAYS", "14"),
                Map.entry("ALERT_SPIKE_MIN", "50"),
                Map.entry("ALERT_SPIKE_FACTOR", "2.5"),
                Map.entry("ALERT_BASELINE_DAYS", "10"),
                Map.entry("WIREWATCH_TOPIC_PREFIX", "staging."),
                Map.entry("ALERT_REPLICATION_FACTOR", "3"),
                Map.entry("ALERT_COMMIT_INTERVAL_MS", "250")));

        // When the Streams properties are built
        Properties props = config.streamsProperties();

        // Then they carry exactly-once, the settings and the security property
        assertThat(config.rules()).isEqualTo(new RuleSettings(14, 50, 2.5, 10));
        assertThat(config.topics().articlesEnriched().name()).isEqualTo("staging.articles.enriched");
        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-eu")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
                .containsEntry(
                        StreamsConfig.STATE_DIR_CONFIG,
                        Path.of("/var/lib/alert").toString())
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "alert-1.internal:9090")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldHandEverySecuritySettingFromTheEnvironmentToEveryStreamsClient() {
        // Given a SASL_SSL cluster described only by KAFKA_* variables
        Map<String, String> env = new HashMap<>(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093", "SCHEMA_REGISTRY_URL", "https://registry:8081"));
        SECURITY.forEach(
                (key, value) -> env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));

        // When Kafka Streams derives the configs of the clients it creates
        StreamsConfig streams =
                new StreamsConfig(AlertConfig.fromEnvironment(env).streamsProperties());
        List<Map<String, Object>> clients = List.of(
                streams.getMainConsumerConfigs("wirewatch-alert", "alert-consumer", 0),
                streams.getRestoreConsumerConfigs("alert-restore"),
                streams.getProducerConfigs("alert-producer"),
                streams.getAdminConfigs("alert-admin"));

        // Then each of them carries every setting
        assertThat(clients).allSatisfy(client -> assertThat(client).containsAllEntriesOf(SECURITY));
    }

    /** The client properties of a SASL_SSL cluster, as KAFKA_* variables name them once lower-cased and dotted. */
    static final Map<String, String> SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"alert\" password=\"s3cret\";",
            "ssl.truststore.location", "/nonexistent/wirewatch/truststore.p12",
            "ssl.truststore.password", "changeit");

    @Test
    void shouldLeaveTheReplicationOfItsTopicsToTheBrokersWhenAskedWithMinusOne() {
        AlertConfig config = AlertConfig.fromEnvironment(Map.of("ALERT_REPLICATION_FACTOR", "-1"));

        assertThat(config.streamsProperties()).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_REPLICATION_FACTOR", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_REPLICATION_FACTOR");
    }

    @Test
    void shouldNameTheBadVariable() {
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_SPIKE_MIN", "twenty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_SPIKE_MIN");
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_SPIKE_FACTOR", "0.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_SPIKE_FACTOR");
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_HTTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_HTTP_PORT");
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_NUM_STREAM_THREADS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_NUM_STREAM_THREADS");
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_COMMIT_INTERVAL_MS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_COMMIT_INTERVAL_MS");
    }

    @Test
    void shouldKeepTheRulesStateForTheRetentionGivenAndRefuseOneShorterThanTheRulesWindows() {
        // Given no retention, a retention of a year, a retention of 0, and one shorter than the novelty window
        assertThat(AlertConfig.fromEnvironment(Map.of()).rules().stateRetentionDays())
                .isEqualTo(120);
        assertThat(AlertConfig.fromEnvironment(Map.of("ALERT_STATE_RETENTION_DAYS", "365"))
                        .rules()
                        .stateRetentionDays())
                .isEqualTo(365);
        assertThat(AlertConfig.fromEnvironment(Map.of("ALERT_STATE_RETENTION_DAYS", "0"))
                        .rules()
                        .stateRetentionDays())
                .isZero();
        assertThatThrownBy(() -> AlertConfig.fromEnvironment(Map.of("ALERT_STATE_RETENTION_DAYS", "20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALERT_STATE_RETENTION_DAYS");
        // And a novelty window longer than the default retention stretches the default to it
        assertThat(AlertConfig.fromEnvironment(Map.of("ALERT_NOVELTY_WINDOW_DAYS", "200"))
                        .rules()
                        .stateRetentionDays())
                .isEqualTo(200);
    }
}
