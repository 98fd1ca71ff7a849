package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.EnrichedSeeds;
import io.wirewatch.alert.SharesInput;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State expiry when one upstream partition of {@code articles.enriched} stalls while another carries stream time past
 * the retention (a fast replay). TopologyTestDriver reads every input topic as one partition, so the test writes the
 * shares topics with the {@link UpstreamProgressHeader} each share carries as enrich's shares processor of upstream
 * partition 0 or 1 would have written it ({@link SharesInput}).
 */
class UpstreamStallExpiryTest {

    private static final String HOMS_MONDAY = "cas-homs-2012-02-06";
    private static final LocalDate LATER =
            EnrichedSeeds.TUESDAY.plusDays(RuleSettings.DEFAULT_STATE_RETENTION_DAYS + 8);

    private final String registryScope = "upstream-stall-test-" + UUID.randomUUID();
    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    @TempDir
    Path stateDir;

    @AfterEach
    void tearDown() {
        drivers.forEach(TopologyTestDriver::close);
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    /**
     * The seeds from upstream partition 1; then {@code tolls} tolls of Aleppo from partition 0, {@code daysApart} days
     * apart from LATER on, while partition 1 is silent; then partition 1 resuming with another report of Homs's Monday.
     */
    private static List<Share> stallThenResume(int tolls, long daysApart) {
        List<Share> shares = new ArrayList<>();
        EnrichedSeeds.all().forEach(seed -> shares.add(new Share(1, seed)));
        for (int week = 0; week < tolls; week++) {
            shares.add(
                    new Share(0, EnrichedSeeds.toll("aleppo-" + week, "Aleppo", LATER.plusDays(daysApart * week), 25)));
        }
        shares.add(new Share(1, EnrichedSeeds.toll("homs-monday-again", "Homs", EnrichedSeeds.MONDAY, 60)));
        return shares;
    }

    @Test
    void shouldKeepTheStateOfAStalledUpstreamPartitionWhileAnotherRunsPastTheRetention() {
        // Given the three seeds of February 2012 read from upstream partition 1, then partition 1 stalls while
        // partition 0 sends tolls of Aleppo from LATER (the retention and a week past the seeds) on for three weeks,
        // then partition 1 resumes with another report of Homs's Monday; no record arrives late before the stall ends
        List<Share> shares = stallThenResume(4, 8);

        // When they are processed with expiry and without
        List<Alert> withExpiry = new Pipeline(RuleSettings.DEFAULTS).replay(shares);
        List<Alert> withoutExpiry = new Pipeline(RuleSettings.DEFAULTS.withStateRetentionDays(0)).replay(shares);

        // Then the same alert versions come out: partition 1's progress (February 2012) held the watermark while it
        // was silent, so Homs's Monday was still stored when its next report came
        assertThat(EnrichedSeeds.summaries(withExpiry))
                .isEqualTo(EnrichedSeeds.summaries(withoutExpiry))
                .isNotEmpty();
        assertThat(withExpiry.stream().filter(a -> a.getId().equals(HOMS_MONDAY) && a.getStatus() == AlertStatus.NEW))
                .hasSize(1);
        Alert last = withExpiry.get(withExpiry.size() - 1);
        assertThat(last.getId()).isEqualTo(HOMS_MONDAY);
        assertThat(last.getStatus()).isEqualTo(AlertStatus.UPDATE);
    }

    @Test
    void shouldHoldTheWatermarkForAStallLongerThanAYearOfStreamTimeInAFastReplay() {
        // Given the seeds from partition 1, then partition 1 silent while partition 0 runs 60 weeks on (more than the
        // year of stream time after which a silent partition may be forgotten, in seconds of wall clock), then
        // partition 1 resuming with a report of Homs's Monday
        List<Share> shares = stallThenResume(60, 7);

        // When they are processed with expiry and without
        List<Alert> withExpiry = new Pipeline(RuleSettings.DEFAULTS).replay(shares);
        List<Alert> withoutExpiry = new Pipeline(RuleSettings.DEFAULTS.withStateRetentionDays(0)).replay(shares);

        // Then the same alert versions come out: a partition is forgotten only after an hour of wall clock as well
        assertThat(EnrichedSeeds.summaries(withExpiry))
                .isEqualTo(EnrichedSeeds.summaries(withoutExpiry))
                .isNotEmpty();
        Alert last = withExpiry.get(withExpiry.size() - 1);
        assertThat(last.getId()).isEqualTo(HOMS_MONDAY);
        assertThat(last.getStatus()).isEqualTo(AlertStatus.UPDATE);
    }

    @Test
    void shouldStillSweepWhenEveryUpstreamPartitionHasMovedPastTheRetention() {
        // Given the seeds from partition 1, then both partitions moving on to LATER and three weeks past it
        List<Share> shares = new ArrayList<>();
        EnrichedSeeds.all().forEach(seed -> shares.add(new Share(1, seed)));
        for (int week = 0; week < 4; week++) {
            shares.add(new Share(0, EnrichedSeeds.toll("aleppo-" + week, "Aleppo", LATER.plusDays(8L * week), 25)));
            shares.add(new Share(1, EnrichedSeeds.toll("idlib-" + week, "Idlib", LATER.plusDays(8L * week), 25)));
        }

        // When they are processed with expiry
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);
        pipeline.replay(shares);

        // Then the seeds' days and places are swept: the slowest partition is past their retention too
        assertThat(pipeline.driver
                        .getKeyValueStore(AlertTopology.CASUALTY_DAYS_STORE)
                        .get("Homs|" + EnrichedSeeds.MONDAY))
                .isNull();
        assertThat(pipeline.driver
                        .getKeyValueStore(AlertTopology.PLACE_BASELINES_STORE)
                        .get("Homs"))
                .isNull();
        assertThat(pipeline.driver
                        .getKeyValueStore(AlertTopology.CASUALTY_DAYS_STORE)
                        .get("Aleppo|" + LATER.plusDays(24)))
                .isNotNull();
    }

    @Test
    void shouldKeepTheUpstreamProgressOffTheAlertsAndNeverDeadLetterAProgressMarker() {
        // Given the alert topology in a driver, and a dead-letter topic to watch
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);
        TestOutputTopic<String, byte[]> deadLetters = pipeline.driver.createOutputTopic(
                pipeline.topics.deadLetters().name(), new StringDeserializer(), (topic, bytes) -> bytes);

        // When the BBC seed's shares arrive from upstream partition 0, followed by its first progress marker
        pipeline.input.pipe(EnrichedSeeds.bbc());

        // Then the alerts raised carry the ingest-time header but not the upstream progress
        List<TestRecord<String, Alert>> alerts = pipeline.alerts.readRecordsToList();
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.headers().lastHeader(UpstreamProgressHeader.HEADER))
                    .isNull();
            assertThat(alert.headers().lastHeader(AlertHeaders.INGESTED_AT)).isNotNull();
        });
        // And the markers (no value) are observed, not dead-lettered as tombstones
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    /** An enriched article as enriched from one partition of articles.raw. */
    private record Share(int partition, EnrichedArticle article) {}

    /** One alert topology in its own driver, fed on its shares topics as enrich's shares processors would feed it. */
    private final class Pipeline {
        final TopologyTestDriver driver;
        final Topics topics;
        final SharesInput input;
        final TestOutputTopic<String, Alert> alerts;

        Pipeline(RuleSettings rules) {
            String applicationId = "upstream-stall-test-" + drivers.size();
            AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
                    .withApplicationId(applicationId)
                    .withRules(rules)
                    .withStateDir(stateDir.resolve("driver-" + drivers.size()));
            topics = config.topics();
            driver = new TopologyTestDriver(
                    AlertTopology.build(config, topics, new SimpleMeterRegistry()),
                    config.streamsProperties(),
                    Instant.parse("2012-02-07T11:00:00Z"));
            drivers.add(driver);
            input = new SharesInput(driver, topics, EnrichTopology.RULE_SHARES, 2);
            alerts = driver.createOutputTopic(
                    topics.alerts().name(),
                    new StringDeserializer(),
                    topics.alerts().valueSerde().deserializer());
        }

        /**
         * Writes each article's shares to both rule stages, stamped as its upstream partition's, and a progress marker
         * to both whenever the partition has moved a marker interval on, as enrich's shares processor does; the alerts
         * raised.
         */
        List<Alert> replay(List<Share> shares) {
            for (Share share : shares) {
                input.pipe(
                        share.partition(),
                        share.article(),
                        share.article().getPublishedAt().toEpochMilli());
            }
            return alerts.readValuesToList();
        }
    }
}
