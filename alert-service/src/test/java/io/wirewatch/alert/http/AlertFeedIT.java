package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.MORNING;
import static io.wirewatch.alert.http.AlertFixtures.corroborated;
import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static io.wirewatch.alert.http.AlertFixtures.usEmbassyClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.alert.streams.AlertHeaders;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving layer on a real broker: {@link AlertFeed} passes only committed alert versions to SSE clients and skips
 * a record that is not an alert; {@link StoreAlertQueries} over a real Kafka Streams store answers 503 until the store
 * is queryable, then serves it.
 */
class AlertFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @Test
    void shouldStreamOnlyCommittedAlertVersionsFromTheTopicToDashboards() {
        // Given an alerts topic, a feed reading it, and an HTTP server streaming that feed to a dashboard
        Topics topics = Topics.create(cluster().serdeConfig(), "feed-it-" + System.nanoTime() + ".");
        STACK.stack().createTopics(2, topics.alerts().name());
        List<Alert> received = new CopyOnWriteArrayList<>();
        try (AlertFeed feed = AlertFeed.fromTopic(cluster().kafkaProperties(), topics.alerts());
                AlertHttpServer server = AlertHttpServer.start(
                        HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                        new InMemoryAlertQueries(),
                        feed,
                        Health::up)) {
            feed.subscribe(received::add);
            feed.start();
            await().atMost(WAIT).until(feed::isReading);
            try (SseClient dashboard = new SseClient(
                    HttpClient.newHttpClient(), URI.create(server.uri() + "alerts/stream?replay=false"))) {
                await().atMost(WAIT).until(() -> dashboard.comments().contains("connected"));

                // When, all on one partition, a transaction commits an alert, another is aborted, a record that is
                // not an alert arrives, and a last transaction commits an update
                Alert update = corroborated(
                        gulfAmbassadorsRecalled(), "BBC", "The BBC confirmed the recall.", MORNING.plusSeconds(600));
                try (KafkaProducer<String, Alert> producer = transactionalProducer(topics);
                        KafkaProducer<String, byte[]> plain = plainProducer()) {
                    producer.initTransactions();
                    inTransaction(producer, topics, gulfAmbassadorsRecalled(), true);
                    inTransaction(producer, topics, homsCasualtySpike(), false);
                    plain.send(new ProducerRecord<>(
                            topics.alerts().name(), 0, "junk", "not an alert".getBytes(StandardCharsets.UTF_8)));
                    plain.flush();
                    inTransaction(producer, topics, update, true);
                    inTransaction(producer, topics, usEmbassyClosed(), true);
                }

                // Then the feed and the dashboard see the committed versions, in order, and never the aborted one
                await().atMost(WAIT)
                        .until(() -> received.size() >= 3 && dashboard.events().size() >= 3);
                assertThat(received).containsExactly(gulfAmbassadorsRecalled(), update, usEmbassyClosed());
                assertThat(dashboard.events())
                        .extracting(SseClient.Event::id)
                        .containsExactly(
                                "dip-gcc-recall-syr-2012-02-07/0",
                                "dip-gcc-recall-syr-2012-02-07/1",
                                "dip-usa-close-embassy-syr-2012-02-06/0");
                assertThat(AlertJson.fromJson(dashboard.events().get(1).data())).isEqualTo(update);
                assertThat(feed.isReading()).isTrue();
            }
        }
    }

    @Test
    void shouldTimeEachCommittedAlertFromTheIngestOfItsArticleInALatencyHistogram() {
        // Given a feed on a fresh alerts topic with its meters in a Prometheus registry
        Topics topics = Topics.create(cluster().serdeConfig(), "latency-it-" + System.nanoTime() + ".");
        STACK.stack().createTopics(1, topics.alerts().name());
        PrometheusMeterRegistry registry = PrometheusMetrics.newRegistry();
        try (AlertFeed feed = AlertFeed.fromTopic(cluster().kafkaProperties(), topics.alerts(), registry)) {
            feed.start();
            await().atMost(WAIT).until(feed::isReading);

            // When three alerts are committed whose articles were ingested 0.4 s, 1.5 s and 20 s before, and one
            // carries no ingest time (written by an older alert-service)
            Instant now = Instant.now();
            try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                    cluster().kafkaProperties(),
                    new StringSerializer(),
                    topics.alerts().valueSerde().serializer())) {
                for (long ago : List.of(400L, 1_500L, 20_000L)) {
                    ProducerRecord<String, Alert> record = new ProducerRecord<>(
                            topics.alerts().name(), homsCasualtySpike().getId(), homsCasualtySpike());
                    record.headers()
                            .add(
                                    AlertHeaders.INGESTED_AT,
                                    Long.toString(now.minusMillis(ago).toEpochMilli())
                                            .getBytes(StandardCharsets.US_ASCII));
                    producer.send(record);
                }
                producer.send(new ProducerRecord<>(
                        topics.alerts().name(), usEmbassyClosed().getId(), usEmbassyClosed()));
            }

            // Then the histogram counts the three with a header, each in its bucket, and /metrics shows it
            Timer latency = registry.get(AlertFeed.LATENCY_METER).timer();
            await().atMost(WAIT).until(() -> latency.count() == 3);
            String scrape = registry.scrape();
            assertThat(scrape)
                    .contains("wirewatch_alert_latency_seconds_bucket{le=\"0.3\"} 0")
                    .contains("wirewatch_alert_latency_seconds_bucket{le=\"0.75\"} 1")
                    .contains("wirewatch_alert_latency_seconds_bucket{le=\"2.0\"} 2")
                    .contains("wirewatch_alert_latency_seconds_bucket{le=\"30.0\"} 3")
                    .contains("wirewatch_alert_latency_seconds_count 3");
            assertThat(latency.max(TimeUnit.SECONDS)).isBetween(20.0, 50.0);
        }
        // and closing the feed removes its meter
        assertThat(registry.find(AlertFeed.LATENCY_METER).timer()).isNull();
    }

    @Test
    void shouldAnswer503UntilTheStreamsStoreIsQueryableThenServeItsAlerts(@TempDir Path stateDir) throws Exception {
        // Given alerts on the topic and a Kafka Streams table over it, built but not yet started
        Topics topics = Topics.create(cluster().serdeConfig(), "store-it-" + System.nanoTime() + ".");
        STACK.stack().createTopics(2, topics.alerts().name());
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                cluster().kafkaProperties(),
                new StringSerializer(),
                topics.alerts().valueSerde().serializer())) {
            for (Alert alert : List.of(gulfAmbassadorsRecalled(), homsCasualtySpike())) {
                producer.send(new ProducerRecord<>(topics.alerts().name(), alert.getId(), alert));
            }
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(
                topics.alerts().name(),
                Consumed.with(topics.alerts().keySerde(), topics.alerts().valueSerde()),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(StoreAlertQueries.STORE_NAME)
                        .withKeySerde(topics.alerts().keySerde())
                        .withValueSerde(topics.alerts().valueSerde()));
        Properties properties = new Properties();
        properties.putAll(cluster().kafkaProperties());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-it-" + System.nanoTime());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        HttpClient client = HttpClient.newHttpClient();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties);
                AlertHttpServer server = AlertHttpServer.start(
                        HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                        StoreAlertQueries.of(streams),
                        AlertFeed.inMemory(),
                        () -> Health.of(streams.state()))) {
            URI alerts = server.uri().resolve("/alerts");
            URI health = server.uri().resolve("/health");

            // When the API is asked before Streams runs
            HttpResponse<String> early =
                    client.send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> earlyHealth =
                    client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());

            // Then it says to come back later and reports the service down
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).isPresent();
            assertThat(earlyHealth.statusCode()).isEqualTo(503);
            assertThat(earlyHealth.body()).contains("\"kafkaStreams\":\"CREATED\"");

            // and once Streams runs and has restored the table, the alerts are served, newest first, and health is UP
            streams.start();
            await().atMost(WAIT).until(() -> {
                HttpResponse<String> response =
                        client.send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200
                        && AlertJson.fromJsonArray(response.body()).size() == 2;
            });
            HttpResponse<String> served =
                    client.send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(AlertJson.fromJsonArray(served.body()))
                    .containsExactly(homsCasualtySpike(), gulfAmbassadorsRecalled());
            HttpResponse<String> one = client.send(
                    HttpRequest.newBuilder(server.uri().resolve("/alerts/cas-homs-2012-02-06"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(AlertJson.fromJson(one.body())).isEqualTo(homsCasualtySpike());
            assertThat(client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static void inTransaction(
            KafkaProducer<String, Alert> producer, Topics topics, Alert alert, boolean commit) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topics.alerts().name(), 0, alert.getId(), alert));
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<String, Alert> transactionalProducer(Topics topics) {
        Map<String, Object> properties = cluster().kafkaProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alert-feed-it-" + System.nanoTime());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(
                properties, new StringSerializer(), topics.alerts().valueSerde().serializer());
    }

    private static KafkaProducer<String, byte[]> plainProducer() {
        return new KafkaProducer<>(cluster().kafkaProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    private static ClusterConfig cluster() {
        return STACK.stack().clusterConfig();
    }
}
