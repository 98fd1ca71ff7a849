package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Alert;
import java.util.ArrayList;
import java.util.List;
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
