package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {

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
