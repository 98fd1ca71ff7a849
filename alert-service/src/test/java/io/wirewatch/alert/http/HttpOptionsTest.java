package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {

    @Test
    void shouldChangeOnlyTheNamedSettingsInEachWithMethod() {
        // Given options read from the environment
        HttpOptions base = HttpOptions.fromEnvironment(Map.of("ALERT_HTTP_RATE_BURST", "7"));

        // When every with method is applied in turn
        HttpOptions changed = base.withBindAddress("0.0.0.0")
                .withPort(9)
                .withMaxStreams(2)
                .withHeartbeat(Duration.ofSeconds(3))
                .withStreamQueueCapacity(5)
                .withRateLimit(1.5, 4)
                .withCorsOrigin("https://example.org");

        // Then each changed its own settings and kept every other
        assertThat(changed)
                .isEqualTo(new HttpOptions(
                        base.listener().withBindAddress("0.0.0.0"),
                        9,
                        2,
                        Duration.ofSeconds(3),
                        5,
                        1.5,
                        4,
                        Optional.of("https://example.org"),
                        base.requestThreads(),
                        base.maxUriLength(),
                        base.maxHeaderBytes()));
    }

    @Test
    void shouldUseDocumentedDefaultsWhenNothingIsSet() {
        // When read from an empty environment
        HttpOptions options = HttpOptions.fromEnvironment(Map.of());

        // Then the defaults apply, CORS off, and without a read token only this machine may connect
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.listener().guarded()).isFalse();
        assertThat(options.maxStreams()).isEqualTo(32);
        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.corsOrigin()).isEmpty();
    }

    @Test
    void shouldReadEveryVariable() {
        // When every variable is set
        HttpOptions options = HttpOptions.fromEnvironment(Map.of(
                "ALERT_HTTP_PORT",
                "9090",
                "ALERT_HTTP_BIND",
                "127.0.0.1",
                "ALERT_HTTP_MAX_STREAMS",
                "4",
                "ALERT_HTTP_HEARTBEAT_SECONDS",
                "5",
                "ALERT_HTTP_RATE_PER_SECOND",
                "2.5",
                "ALERT_HTTP_RATE_BURST",
                "6",
                "ALERT_HTTP_CORS_ORIGIN",
                "https://dashboard.example"));

        // Then each is taken
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.maxStreams()).isEqualTo(4);
        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.ratePerSecond()).isEqualTo(2.5);
        assertThat(options.rateBurst()).isEqualTo(6);
        assertThat(options.corsOrigin()).hasValue("https://dashboard.example");
    }

    @Test
    void shouldNameTheVariableWithABadValue() {
        assertThatThrownBy(() -> HttpOptions.fromEnvironment(Map.of("ALERT_HTTP_PORT", "eighty")))
                .hasMessageContaining("ALERT_HTTP_PORT")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> HttpOptions.fromEnvironment(Map.of("ALERT_HTTP_PORT", "70000")))
                .hasMessageContaining("ALERT_HTTP_PORT");
        assertThatThrownBy(() -> HttpOptions.fromEnvironment(Map.of("ALERT_HTTP_MAX_STREAMS", "0")))
                .hasMessageContaining("ALERT_HTTP_MAX_STREAMS");
        assertThatThrownBy(() -> HttpOptions.fromEnvironment(Map.of("ALERT_HTTP_RATE_PER_SECOND", "-1")))
                .hasMessageContaining("ALERT_HTTP_RATE_PER_SECOND");
    }
}
