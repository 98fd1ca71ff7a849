package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.MORNING;
import static io.wirewatch.alert.http.AlertFixtures.corroborated;
import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static io.wirewatch.alert.http.AlertFixtures.usEmbassyClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.platform.EmbeddedStack;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AlertFeed} on a real broker: only committed alert versions on the alerts topic reach SSE clients, and a
 * record that is not an alert is skipped without stopping the feed.
 */
class AlertFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedStack stack;
    private static ClusterConfig cluster;

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start();
        cluster = stack.clusterConfig();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldStreamOnlyCommittedAlertVersionsFromTheTopicToDashboards() {
        // Given an alerts topic, a feed reading it, and an HTTP server streaming that feed to a dashboard
        Topics topics = Topics.create(cluster.serdeConfig(), "feed-it-" + System.nanoTime() + ".");
        stack.createTopics(2, topics.alerts().name());
        List<Alert> received = new CopyOnWriteArrayList<>();
        try (AlertFeed feed = AlertFeed.fromTopic(cluster.kafkaProperties(), topics.alerts());
             AlertHttpServer server = AlertHttpServer.start(HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                     new InMemoryAlertQueries(), feed, Health::up)) {
            feed.subscribe(received::add);
            feed.start();
            await().atMost(WAIT).until(feed::isReading);
            try (SseClient dashboard = new SseClient(HttpClient.newHttpClient(),
                    URI.create(server.uri() + "alerts/stream?replay=false"))) {
                await().atMost(WAIT).until(() -> dashboard.comments().contains("connected"));

                // When, all on one partition, a transaction commits an alert, another is aborted, a record that is
                // not an alert arrives, and a last transaction commits an update
                Alert update = corroborated(gulfAmbassadorsRecalled(), "BBC", "The BBC confirmed the recall.",
                        MORNING.plusSeconds(600));
                try (KafkaProducer<String, Alert> producer = transactionalProducer(topics);
                     KafkaProducer<String, byte[]> plain = plainProducer()) {
                    producer.initTransactions();
                    inTransaction(producer, topics, gulfAmbassadorsRecalled(), true);
                    inTransaction(producer, topics, homsCasualtySpike(), false);
                    plain.send(new ProducerRecord<>(topics.alerts().name(), 0, "junk",
                            "not an alert".getBytes(StandardCharsets.UTF_8)));
                    plain.flush();
                    inTransaction(producer, topics, update, true);
                    inTransaction(producer, topics, usEmbassyClosed(), true);
                }

                // Then the feed and the dashboard see the committed versions, in order, and never the aborted one
                await().atMost(WAIT).until(() -> received.size() >= 3 && dashboard.events().size() >= 3);
                assertThat(received).containsExactly(gulfAmbassadorsRecalled(), update, usEmbassyClosed());
                assertThat(dashboard.events()).extracting(SseClient.Event::id).containsExactly(
                        "dip-gcc-recall-syr-2012-02-07/0", "dip-gcc-recall-syr-2012-02-07/1",
                        "dip-usa-close-embassy-syr-2012-02-06/0");
                assertThat(AlertJson.fromJson(dashboard.events().get(1).data())).isEqualTo(update);
                assertThat(feed.isReading()).isTrue();
            }
        }
    }

    private static void inTransaction(KafkaProducer<String, Alert> producer, Topics topics, Alert alert, boolean commit) {
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
        Map<String, Object> properties = cluster.kafkaProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alert-feed-it-" + System.nanoTime());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new StringSerializer(), topics.alerts().valueSerde().serializer());
    }

    private static KafkaProducer<String, byte[]> plainProducer() {
        return new KafkaProducer<>(cluster.kafkaProperties(), new StringSerializer(), new ByteArraySerializer());
    }
}
