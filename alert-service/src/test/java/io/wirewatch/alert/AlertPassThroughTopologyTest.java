package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.streams.AlertHeaders;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass-through variant of the alert topology (what bench e2e measures the real one against): the same nodes,
 * repartition topics and stores, every article once through each rule stage, no decisions.
 */
class AlertPassThroughTopologyTest {

    private static final Instant START = Instant.parse("2012-02-07T11:00:00Z");

    private final String registryScope = "alert-pass-through-test-" + UUID.randomUUID();
    private final AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
            .withApplicationId("alert-pass-through-test");
    private final Topics topics = config.topics();

    private TopologyTestDriver driver;
    private SharesInput enriched;
    private TestOutputTopic<String, Alert> alerts;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(
                AlertTopology.buildPassThrough(config, topics, new SimpleMeterRegistry()),
                config.withStateDir(stateDir).streamsProperties(),
                START);
        enriched = new SharesInput(driver, topics, EnrichTopology.IDENTITY_SHARES, 1);
        alerts = driver.createOutputTopic(
                topics.alerts().name(),
                new StringDeserializer(),
                topics.alerts().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldPassEveryArticleOnceThroughEachRuleStageAndEveryStoreOfTheRealTopology() {
        // Given the BBC seed, which the real rules turn into nine alerts
        EnrichedArticle bbc = EnrichedSeeds.bbc();

        // When it passes through
        enriched.pipe(bbc, START);

        // Then it comes out once per stage, carrying the article as its evidence, keyed by the alert id
        var records = alerts.readRecordsToList();
        List<Alert> out = records.stream().map(record -> record.value()).toList();
        assertThat(out)
                .extracting(Alert::getId)
                .containsExactlyInAnyOrder(
                        "diplomatic-novelty-" + bbc.getArticleId(), "casualty-spikes-" + bbc.getArticleId());
        assertThat(out)
                .flatExtracting(Alert::getEvidence)
                .extracting(AlertEvidence::getArticleId)
                .containsOnly(bbc.getArticleId());
        // With the article's ingest time as a header, as the real rules write it (the alert feed's latency reads it)
        assertThat(records)
                .allSatisfy(record ->
                        assertThat(AlertHeaders.ingestedAt(record.headers())).hasValue(bbc.getIngestedAt()));

        // And each of the real topology's stores holds one entry for it, as does alerts-by-id per alert
        for (String store : List.of(
                AlertTopology.DIPLOMATIC_EVENTS_STORE,
                AlertTopology.CASUALTY_DAYS_STORE,
                AlertTopology.PLACE_BASELINES_STORE)) {
            KeyValueStore<String, String> state = driver.getKeyValueStore(store);
            assertThat(state.get(bbc.getArticleId())).as(store).isEqualTo(bbc.getArticleId());
        }
        KeyValueStore<String, Alert> byId = driver.getKeyValueStore(AlertTopology.ALERTS_STORE);
        assertThat(byId.approximateNumEntries()).isEqualTo(2);
    }

    @Test
    void shouldHaveTheRealTopologysNodesTopicsAndStores() {
        // Given both topologies
        String real = AlertTopology.build(config, topics).describe().toString();
        String passThrough = AlertTopology.buildPassThrough(config, topics, new SimpleMeterRegistry())
                .describe()
                .toString();

        // Then they describe the same graph
        assertThat(passThrough).isEqualTo(real);
    }
}
