package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.schema.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class AlertFeedTest {

    @Test
    void shouldDeliverToEverySubscriberEvenWhenOneFails() {
        // Given a feed with a failing subscriber between two working ones
        try (AlertFeed feed = AlertFeed.inMemory()) {
            List<Alert> first = new ArrayList<>();
            List<Alert> last = new ArrayList<>();
            feed.subscribe(first::add);
            feed.subscribe(alert -> {
                throw new IllegalStateException("dashboard broke");
            });
            feed.subscribe(last::add);

            // When an alert is published
            feed.publish(homsCasualtySpike());

            // Then both working subscribers got it
            assertThat(first).containsExactly(homsCasualtySpike());
            assertThat(last).containsExactly(homsCasualtySpike());
            assertThat(feed.isReading()).isFalse();
        }
    }

    @Test
    void shouldHandTheClusterSecuritySettingsToItsConsumer() {
        // Given a SASL_SSL cluster whose truststore, named by KAFKA_SSL_TRUSTSTORE_LOCATION, does not exist (the broker
        // address resolves, but nothing connects: the TLS context is built when the consumer is)
        AlertConfig config = AlertConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required "
                                + "username=\"alert\" password=\"s3cret\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/nonexistent/wirewatch/feed-truststore.p12",
                "SCHEMA_REGISTRY_URL", "https://registry:8081"));

        // When the feed's consumer is created, Then it fails on that very truststore: the settings reached it
        AlertFeed feed = AlertFeed.fromTopic(
                config.cluster().kafkaProperties(), config.topics().alerts());
        assertThatThrownBy(feed::start)
                .isInstanceOf(KafkaException.class)
                .rootCause()
                .hasMessageContaining("/nonexistent/wirewatch/feed-truststore.p12");
        feed.close();
    }

    @Test
    void shouldStopDeliveringOnceTheSubscriptionIsClosed() {
        // Given a subscriber that has received one alert
        try (AlertFeed feed = AlertFeed.inMemory()) {
            List<Alert> received = new ArrayList<>();
            AlertFeed.Subscription subscription = feed.subscribe(received::add);
            feed.publish(homsCasualtySpike());

            // When it unsubscribes and another alert is published
            subscription.close();
            feed.publish(gulfAmbassadorsRecalled());

            // Then it received only the first
            assertThat(received).containsExactly(homsCasualtySpike());
            assertThat(feed.subscriberCount()).isZero();
        }
    }
}
