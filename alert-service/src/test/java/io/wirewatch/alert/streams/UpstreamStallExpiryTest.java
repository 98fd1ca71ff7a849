package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.EnrichedSeeds;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.alert.rules.Shares;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State expiry when one upstream partition of {@code articles.enriched} stalls while another carries stream time past
 * the retention (a fast replay). TopologyTestDriver reads every input topic as one partition, so the test writes the
 * rule stages' repartition topics itself, with the {@link UpstreamProgress} header each share carries as the shares
 * processor of partition 0 or 1 would have written it.
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
    void shouldStampEveryShareWithItsUpstreamPartitionAndProgressAndKeepTheHeaderOffTheAlerts() {
        // Given the alert topology in a driver (every input topic is partition 0 there)
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);

        // When the BBC seed is read from articles.enriched
        EnrichedArticle bbc = EnrichedSeeds.bbc();
        pipeline.enriched.pipeInput(new TestRecord<>(bbc.getArticleId(), bbc, bbc.getPublishedAt()));

        // Then each share on the casualty repartition topic says: partition 0, at the article's publication time
        TestOutputTopic<String, byte[]> casualtyShares = pipeline.driver.createOutputTopic(
                pipeline.repartition("casualties-by-place"), new StringDeserializer(), (topic, bytes) -> bytes);
        List<TestRecord<String, byte[]>> records = casualtyShares.readRecordsToList();
        // And the first article of the partition is followed by a progress marker to every rule task
        assertThat(records)
                .filteredOn(share -> share.key().equals(UpstreamProgress.MARKER_KEY))
                .singleElement()
                .satisfies(marker -> assertThat(marker.value()).isNull());
        assertThat(records).isNotEmpty().allSatisfy(share -> {
            Header header = share.headers().lastHeader(UpstreamProgress.HEADER);
            assertThat(header).isNotNull();
            ByteBuffer value = ByteBuffer.wrap(header.value());
            assertThat(value.getInt()).isZero();
            assertThat(value.getLong()).isEqualTo(bbc.getPublishedAt().toEpochMilli());
        });
        // And the alerts raised carry the ingest-time header but not the upstream progress
        List<TestRecord<String, Alert>> alerts = pipeline.alerts.readRecordsToList();
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat(alert.headers().lastHeader(UpstreamProgress.HEADER)).isNull();
            assertThat(alert.headers().lastHeader(AlertHeaders.INGESTED_AT)).isNotNull();
        });
    }

    /** An enriched article as read from one partition of articles.enriched. */
    private record Share(int partition, EnrichedArticle article) {}

    /** One alert topology in its own driver, fed on its repartition topics as the shares processors would feed it. */
    private final class Pipeline {
        final TopologyTestDriver driver;
        final String applicationId;
        final TestInputTopic<String, EnrichedArticle> enriched;
        final TestInputTopic<String, EnrichedArticle> diplomatic;
        final TestInputTopic<String, EnrichedArticle> casualties;
        final TestOutputTopic<String, Alert> alerts;
        /** Per upstream partition, its stream time: the newest publication time it has sent. */
        private final long[] progress = {Long.MIN_VALUE, Long.MIN_VALUE};
        /** Per upstream partition, the progress its last marker reported. */
        private final long[] lastMarker = {Long.MIN_VALUE, Long.MIN_VALUE};

        Pipeline(RuleSettings rules) {
            applicationId = "upstream-stall-test-" + drivers.size();
            AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
                    .withApplicationId(applicationId)
                    .withRules(rules)
                    .withStateDir(stateDir.resolve("driver-" + drivers.size()));
            Topics topics = config.topics();
            driver = new TopologyTestDriver(
                    AlertTopology.build(config, topics, new SimpleMeterRegistry()),
                    config.streamsProperties(),
                    Instant.parse("2012-02-07T11:00:00Z"));
            drivers.add(driver);
            var serializer = topics.articlesEnriched().valueSerde().serializer();
            enriched = driver.createInputTopic(topics.articlesEnriched().name(), new StringSerializer(), serializer);
            diplomatic =
                    driver.createInputTopic(repartition("diplomatic-by-event"), new StringSerializer(), serializer);
            casualties =
                    driver.createInputTopic(repartition("casualties-by-place"), new StringSerializer(), serializer);
            alerts = driver.createOutputTopic(
                    topics.alerts().name(),
                    new StringDeserializer(),
                    topics.alerts().valueSerde().deserializer());
        }

        String repartition(String name) {
            return applicationId + "-" + name + "-repartition";
        }

        /**
         * Writes each article's shares to both rule stages, stamped as its upstream partition's, and a progress marker
         * to both whenever the partition has moved a marker interval on, as SharesProcessor does; the alerts raised.
         */
        List<Alert> replay(List<Share> shares) {
            for (Share share : shares) {
                EnrichedArticle article = share.article();
                int partition = share.partition();
                long time = article.getPublishedAt().toEpochMilli();
                progress[partition] = Math.max(progress[partition], time);
                pipe(diplomatic, Shares::perDiplomaticEvent, share, time);
                pipe(casualties, Shares::perPlace, share, time);
                if (lastMarker[partition] == Long.MIN_VALUE
                        || progress[partition] - lastMarker[partition] >= SharesProcessor.MARKER_INTERVAL.toMillis()) {
                    lastMarker[partition] = progress[partition];
                    for (TestInputTopic<String, EnrichedArticle> topic : List.of(diplomatic, casualties)) {
                        topic.pipeInput(new TestRecord<>(
                                UpstreamProgress.MARKER_KEY,
                                null,
                                UpstreamProgress.stamp(new RecordHeaders(), partition, progress[partition]),
                                progress[partition]));
                    }
                }
            }
            return alerts.readValuesToList();
        }

        private void pipe(
                TestInputTopic<String, EnrichedArticle> topic,
                Function<EnrichedArticle, List<Shares.Share>> cut,
                Share share,
                long time) {
            for (Shares.Share piece : cut.apply(share.article())) {
                topic.pipeInput(new TestRecord<>(
                        piece.key(),
                        piece.article(),
                        UpstreamProgress.stamp(new RecordHeaders(), share.partition(), progress[share.partition()]),
                        time));
            }
        }
    }
}
