package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void shouldUseDefaultsForAnEmptyEnvironment() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of());

        assertThat(config.cluster().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8090);
        assertThat(config.watchDirectory()).isNull();
        assertThat(config.maxArticleBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.maxRequestBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.nearDuplicateThreshold()).isEqualTo(0.8);
        assertThat(config.httpBodyReadTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadEveryVariable() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "SCHEMA_REGISTRY_URL", "http://registry:8081",
                "WIREWATCH_TOPIC_PREFIX", "test-",
                "INGEST_HTTP_PORT", "off",
                "INGEST_WATCH_DIR", "/inbox",
                "INGEST_MAX_ARTICLE_BYTES", "1000",
                "INGEST_MAX_REQUEST_BYTES", "5000",
                "INGEST_NEAR_DUPLICATE_THRESHOLD", "0.9",
                "INGEST_WATCH_RESCAN_MS", "750",
                "INGEST_HTTP_BODY_TIMEOUT_MS", "5000"));

        assertThat(config.cluster().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.cluster().schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(config.topicPrefix()).isEqualTo("test-");
        assertThat(config.httpEnabled()).isFalse();
        assertThat(config.watchDirectory()).isEqualTo(Path.of("/inbox"));
        assertThat(config.maxArticleBytes()).isEqualTo(1000);
        assertThat(config.maxRequestBytes()).isEqualTo(5000);
        assertThat(config.nearDuplicateThreshold()).isEqualTo(0.9);
        assertThat(config.watchRescanInterval()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.httpBodyReadTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldNameTheVariableThatIsWrong() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_HTTP_PORT", "eighty")))
                .hasMessageContaining("INGEST_HTTP_PORT");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_HTTP_PORT", "70000")))
                .hasMessageContaining("INGEST_HTTP_PORT");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_MAX_ARTICLE_BYTES", "2MB")))
                .hasMessageContaining("INGEST_MAX_ARTICLE_BYTES");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_MAX_ARTICLE_BYTES", "0")))
                .hasMessageContaining("INGEST_MAX_ARTICLE_BYTES");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_NEAR_DUPLICATE_THRESHOLD", "2")))
                .hasMessageContaining("INGEST_NEAR_DUPLICATE_THRESHOLD");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("INGEST_HTTP_BODY_TIMEOUT_MS", "0")))
                .hasMessageContaining("INGEST_HTTP_BODY_TIMEOUT_MS");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", " ")))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
