package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of the Grafana dashboard that docker-compose.yml provisions selects series that the services really
 * serve: the three services run on an embedded broker with the compose file's topic names, the seeds go through them,
 * one bad input reaches each service's dead letters, and then each service's {@code GET /metrics} is scraped. A
 * selector passes when a series of its metric, in the scrape of a job it allows, satisfies its label matchers. Kafka
 * Streams registers topic and state-store metrics as tasks start and Micrometer binds new ones once a minute, so the
 * wait is long.
 */
class DashboardMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Set<String> JOBS = Set.of("ingest-service", "enrich-service", "alert-service");

    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void shouldQueryOnlySeriesTheServicesServeOnMetrics() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.load(GrafanaDashboard.FILE);
        // Given the pipeline on a broker of its own, with the topic names of the compose file (no prefix)
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.defaults()
                .withKafkaPort(0)
                .withRegistryPort(0)
                .withDataDir(work.resolve("kafka")))) {
            ClusterConfig cluster = stack.clusterConfig();
            Topics topics = Topics.create(cluster.serdeConfig());
            stack.createTopics(
                    2,
                    Topics.TOPIC_CONFIGS,
                    topics.all().stream().map(Topic::name).toArray(String[]::new));
            try (EnrichService enrich = EnrichService.start(EnrichConfig.defaults(cluster)
                            .withStateDir(work.resolve("enrich"))
                            .withHealthPort(0));
                    AlertService alert = AlertService.start(AlertConfig.defaults(cluster)
                            .withStateDir(work.resolve("alert"))
                            .withHttpPort(0));
                    IngestService ingest =
                            IngestService.start(IngestConfig.defaults(cluster).withHttpPort(0))) {
                Map<String, URI> metrics = Map.of(
                        "ingest-service", URI.create("http://127.0.0.1:" + ingest.httpPort() + "/metrics"),
                        "enrich-service", URI.create("http://127.0.0.1:" + enrich.healthPort() + "/metrics"),
                        "alert-service",
                                URI.create("http://127.0.0.1:" + alert.http().port() + "/metrics"));

                // When the seeds are replayed, and each service gets one input it must dead-letter
                ingest.ingest(Path.of("..", "seeds"), ReplayOptions.MAX);
                HttpResponse<String> empty = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + ingest.httpPort() + "/articles"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"empty\",\"text\":\"\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(empty.statusCode()).as(empty.body()).isBetween(200, 499);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        cluster.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
                    byte[] junk = "not Avro".getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topics.articlesRaw().name(), "junk-raw", junk));
                    producer.send(
                            new ProducerRecord<>(topics.diplomaticByEvent().name(), "junk-share", junk));
                }

                // Then, once the services have served every series the dashboard asks for, none is missing
                List<String> missing = new ArrayList<>();
                try {
                    await().atMost(PATIENCE)
                            .pollInterval(Duration.ofSeconds(2))
                            .ignoreExceptions()
                            .until(() -> {
                                List<String> now = unserved(dashboard, scrape(metrics));
                                missing.clear();
                                missing.addAll(now);
                                return now.isEmpty();
                            });
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(
                            "Dashboard queries selecting nothing the services serve after " + PATIENCE.toSeconds()
                                    + " s:\n  " + String.join("\n  ", missing),
                            e);
                }
            }
        }
    }

    /** "panel: selector" for every selector no series of an allowed job satisfies. */
    private static List<String> unserved(
            GrafanaDashboard dashboard, Map<String, Map<String, List<Map<String, String>>>> scrapes) {
        List<String> unserved = new ArrayList<>();
        for (GrafanaDashboard.Query query : dashboard.queries()) {
            for (GrafanaDashboard.Selector selector : query.selectors()) {
                List<String> jobs = selector.jobs(JOBS);
                Set<String> allowed = jobs.isEmpty() ? JOBS : new TreeSet<>(jobs);
                boolean served = allowed.stream()
                        .anyMatch(job -> scrapes.get(job).getOrDefault(selector.metric(), List.of()).stream()
                                .anyMatch(selector::selects));
                if (!served) {
                    unserved.add(query.panel() + ": " + selector);
                }
            }
        }
        return unserved;
    }

    private static Map<String, Map<String, List<Map<String, String>>>> scrape(Map<String, URI> endpoints)
            throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Map<String, List<Map<String, String>>>> scrapes = new LinkedHashMap<>();
        for (Map.Entry<String, URI> endpoint : endpoints.entrySet()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(endpoint.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(endpoint.getKey() + " /metrics")
                    .isEqualTo(200);
            scrapes.put(endpoint.getKey(), GrafanaDashboard.series(response.body()));
        }
        return scrapes;
    }
}
