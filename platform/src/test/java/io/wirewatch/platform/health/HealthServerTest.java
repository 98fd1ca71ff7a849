package io.wirewatch.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeMetricsInPrometheusTextFormat() throws Exception {
        // Given a Prometheus registry holding a dead-letter counter incremented twice
        PrometheusMeterRegistry registry = PrometheusMetrics.newRegistry();
        Counter.builder("wirewatch.dead.letters")
                .tag("reason", "undecodable")
                .register(registry)
                .increment(2);

        try (HealthServer server = HealthServer.start(0, () -> HealthServer.Health.up(Map.of()), registry::scrape)) {
            // When scraped
            HttpResponse<String> response = get(server, "/metrics");

            // Then the counter is there under its Prometheus name, in the text format
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
            assertThat(response.body()).contains("wirewatch_dead_letters_total{reason=\"undecodable\"} 2.0");
        }
    }

    @Test
    void shouldServeNoMetricsRouteWithoutAScrapeFunction() throws Exception {
        try (HealthServer server = HealthServer.start(0, () -> HealthServer.Health.down(Map.of("state", "PENDING")))) {
            assertThat(get(server, "/metrics").statusCode()).isEqualTo(404);
            HttpResponse<String> health = get(server, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"state\":\"PENDING\"");
        }
    }

    @Test
    void shouldFindOrAddThePrometheusMemberOfACompositeRegistry() {
        // Given a composite (like Micrometer's global registry) with a counter registered before any Prometheus member
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(new SimpleMeterRegistry());
        Counter early = composite.counter("wirewatch.dead.letters", "reason", "null-value");

        // When its Prometheus view is asked for, twice
        PrometheusMeterRegistry first = PrometheusMetrics.scrapeable(composite).orElseThrow();
        PrometheusMeterRegistry second = PrometheusMetrics.scrapeable(composite).orElseThrow();
        early.increment();

        // Then one member is added, and it renders meters registered before it was
        assertThat(second).isSameAs(first);
        assertThat(first.scrape()).contains("wirewatch_dead_letters_total{reason=\"null-value\"} 1.0");
        assertThat(PrometheusMetrics.scrapeable(new SimpleMeterRegistry())).isEmpty();
    }

    private HttpResponse<String> get(HealthServer server, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
