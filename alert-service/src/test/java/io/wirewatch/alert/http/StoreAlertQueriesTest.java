package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.MORNING;
import static io.wirewatch.alert.http.AlertFixtures.corroborated;
import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreAlertQueriesTest {

    private final String registryScope = "store-alert-queries-" + System.nanoTime();
    private final Topics topics = Topics.create(Map.of("schema.registry.url", "mock://" + registryScope));
    private TopologyTestDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldServeTheLatestVersionOfEachAlertFromTheStreamsStore() {
        // Given a table of alerts materialised as the alert topology does, fed two alerts and an update of one
        ReadOnlyKeyValueStore<String, Alert> store = storeFedWith(
                gulfAmbassadorsRecalled(),
                homsCasualtySpike(),
                corroborated(homsCasualtySpike(), "Reuters", "Reuters counted 55 dead.", MORNING.plusSeconds(3600)));
        StoreAlertQueries queries = new StoreAlertQueries(() -> store);

        // When the queries read the store
        // Then every alert is there once, in its latest version, and lookups by id work
        assertThat(queries.all())
                .extracting(Alert::getId)
                .containsExactlyInAnyOrder("dip-gcc-recall-syr-2012-02-07", "cas-homs-2012-02-06");
        assertThat(queries.byId("cas-homs-2012-02-06")).hasValueSatisfying(alert -> {
            assertThat(alert.getRevision()).isEqualTo(1);
            assertThat(alert.getOutlets()).contains("Reuters");
        });
        assertThat(queries.byId("nothing-here")).isEmpty();
        assertThat(queries.find(AlertFilter.none()))
                .extracting(Alert::getId)
                .containsExactly("cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
    }

    @Test
    void shouldReportAlertsUnavailableWhileTheStoreCannotBeQueried() {
        // Given a store that Kafka Streams cannot hand out (rebalancing or restoring)
        StoreAlertQueries queries = new StoreAlertQueries(() -> {
            throw new InvalidStateStoreException("store alerts-by-id is migrating");
        });

        // When / Then both kinds of read say the alerts are unavailable, keeping the reason
        assertThatThrownBy(queries::all)
                .isInstanceOf(AlertsUnavailableException.class)
                .hasMessageContaining("migrating");
        assertThatThrownBy(() -> queries.byId("x")).isInstanceOf(AlertsUnavailableException.class);
    }

    private ReadOnlyKeyValueStore<String, Alert> storeFedWith(Alert... alerts) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(
                topics.alerts().name(),
                Consumed.with(topics.alerts().keySerde(), topics.alerts().valueSerde()),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(StoreAlertQueries.STORE_NAME)
                        .withKeySerde(topics.alerts().keySerde())
                        .withValueSerde(topics.alerts().valueSerde()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-alert-queries-test");
        driver = new TopologyTestDriver(builder.build(), properties);
        TestInputTopic<String, Alert> input = driver.createInputTopic(
                topics.alerts().name(),
                topics.alerts().keySerde().serializer(),
                topics.alerts().valueSerde().serializer());
        for (Alert alert : alerts) {
            input.pipeInput(alert.getId(), alert);
        }
        return driver.getKeyValueStore(StoreAlertQueries.STORE_NAME);
    }
}
