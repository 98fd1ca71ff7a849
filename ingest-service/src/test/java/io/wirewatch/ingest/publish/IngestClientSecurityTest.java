package io.wirewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.schema.Topics;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client ingest-service creates receives the cluster's security settings from the KAFKA_* environment:
 * given a SASL_SSL cluster whose truststore does not exist, each client fails on that very file when it is built,
 * which it could only do had the settings reached it. No broker is needed: the TLS context is built up front.
 */
class IngestClientSecurityTest {

    private static final String TRUSTSTORE = "/nonexistent/wirewatch/ingest-truststore.p12";

    private final IngestConfig config = IngestConfig.fromEnvironment(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "PLAIN",
            "KAFKA_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"ingest\" password=\"s3cret\";",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE,
            "SCHEMA_REGISTRY_URL", "https://registry:8081"));
    private final Topics topics = Topics.create(config.cluster().serdeConfig(), config.topicPrefix());

    @Test
    void shouldHandTheSecuritySettingsToTheArticleProducer() {
        assertThatThrownBy(() -> ArticlePublisher.create(config.cluster().kafkaProperties(), topics, config.clientId()))
                .isInstanceOf(KafkaException.class)
                .rootCause()
                .hasMessageContaining(TRUSTSTORE);
    }

    @Test
    void shouldHandTheSecuritySettingsToTheConsumerThatRebuildsSeenArticles() {
        assertThatThrownBy(() -> PublishedArticles.readAll(
                        config.cluster().kafkaProperties(), topics.articlesRaw(), config.clientId(), article -> {}))
                .isInstanceOf(KafkaException.class)
                .rootCause()
                .hasMessageContaining(TRUSTSTORE);
    }
}
