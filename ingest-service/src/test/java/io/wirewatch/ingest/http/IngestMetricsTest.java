package io.wirewatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.ingest.IngestMetrics;
import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.RecordingOutput;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.publish.DeadLetterCountingOutput;
import io.wirewatch.platform.health.PrometheusMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of the ingest HTTP endpoint: rejected input counted where operators scrape it. */
class IngestMetricsTest {

    private static final int LIMIT = 64 * 1024;
    private static final String REJECTED_SERIES =
            "wirewatch_dead_letters_total{error=\"none\",reason=\"rejected-input\",service=\"ingest\",topic=\"none\"}";

    private final PrometheusMeterRegistry registry = PrometheusMetrics.newRegistry();
    private final RecordingOutput output = new RecordingOutput();
    private final IngestPipeline pipeline = new IngestPipeline(
            new DeadLetterCountingOutput(output, registry),
            new SeenArticles(),
            new NearDuplicateIndex(0.8, 100),
            Clock.systemUTC(),
            LIMIT);
    private final HttpClient client = HttpClient.newHttpClient();
    private IngestHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldCountEveryDeadLetterOnMetricsInPrometheusFormat() throws Exception {
        // Given the endpoint serving the registry its pipeline counts into
        server = IngestHttpServer.start(
                0,
                pipeline,
                new IngestHttpServer.Limits(LIMIT, LIMIT, 100),
                () -> Map.of("status", "UP"),
                registry::scrape);

        // When a body of the wrong type and a batch with one empty article arrive, beside one good article
        assertThat(post("text/plain", "just text").statusCode()).isEqualTo(415);
        assertThat(post("application/x-ndjson", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"\"}\n")
                        .statusCode())
                .isEqualTo(202);
        HttpResponse<String> metrics = get("/metrics");

        // Then both rejections were dead-lettered and are counted on /metrics
        assertThat(output.deadLetters).hasSize(2);
        assertThat(output.articles).hasSize(1);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
        assertThat(metrics.body()).contains(REJECTED_SERIES + " 2.0");
    }

    @Test
    void shouldCountArticlesInByWhatBecameOfThem() throws Exception {
        // Given the pipeline's counters bound to the registry the endpoint serves
        IngestMetrics.bind(pipeline, registry);
        server = IngestHttpServer.start(
                0,
                pipeline,
                new IngestHttpServer.Limits(LIMIT, LIMIT, 100),
                () -> Map.of("status", "UP"),
                registry::scrape);
        String story = "The ministry said on Tuesday that it had recalled its ambassador for consultations after the "
                + "attack on the embassy compound, which injured two guards and damaged the consular section. Officials "
                + "said the envoy would stay in the capital until the government had given guarantees for the safety of "
                + "its staff, and that talks on the trade agreement signed last year would be postponed until then. The "
                + "opposition called the decision late and asked the foreign minister to explain it to parliament.";

        // When an article arrives, then the same again, then a near copy, then one with no text
        assertThat(post(
                                "application/x-ndjson",
                                "{\"id\":\"a\",\"text\":\"" + story + "\"}\n"
                                        + "{\"id\":\"a\",\"text\":\"" + story + "\"}\n"
                                        + "{\"id\":\"b\",\"text\":\"" + story.replace("until then", "until March")
                                        + "\"}\n"
                                        + "{\"id\":\"c\",\"text\":\"\"}\n")
                        .statusCode())
                .isEqualTo(202);
        String metrics = get("/metrics").body();

        // Then each input is counted once under its outcome, and the near copy also as a near-duplicate
        assertThat(metrics)
                .contains("wirewatch_ingest_articles_total{outcome=\"published\"} 2.0")
                .contains("wirewatch_ingest_articles_total{outcome=\"duplicate\"} 1.0")
                .contains("wirewatch_ingest_articles_total{outcome=\"rejected\"} 1.0")
                .contains("wirewatch_ingest_near_duplicates_total 1.0");
        assertThat(output.articles).hasSize(2);
    }

    @Test
    void shouldServeNoMetricsWithoutAScrapeFunction() throws Exception {
        // Given the endpoint started as before this feature, without metrics
        server = IngestHttpServer.start(
                0, pipeline, new IngestHttpServer.Limits(LIMIT, LIMIT, 100), () -> Map.of("status", "UP"));

        // Then /metrics does not exist
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/articles"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
