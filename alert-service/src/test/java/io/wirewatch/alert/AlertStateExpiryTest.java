package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule stores' expiry in TopologyTestDriver: articles are piped with their publication time as record time, as
 * ingest stamps them, so the driver's stream time is the newest publication seen. The seeds are of 6-7 February 2012;
 * the default retention is {@value RuleSettings#DEFAULT_STATE_RETENTION_DAYS} days.
 */
class AlertStateExpiryTest {

    private static final int RETENTION = RuleSettings.DEFAULT_STATE_RETENTION_DAYS;
    private static final String HOMS_MONDAY = "cas-homs-2012-02-06";
    private static final String GCC = "dip-gulf-cooperation-council-downgrade-syria-2012-02-07";
    /** A day past the seeds by more than the retention and one sweep interval (a week of stream time). */
    private static final LocalDate LATER = EnrichedSeeds.TUESDAY.plusDays(RETENTION + 8);

    private final String registryScope = "alert-expiry-test-" + UUID.randomUUID();
    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    @TempDir
    Path stateDir;

    @AfterEach
    void tearDown() {
        drivers.forEach(TopologyTestDriver::close);
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldSweepTheSeedsStateOnceTheNewestArticleIsTheRetentionPastItAndKeepWhatIsRecent() {
        // Given the three seeds of February 2012, then a toll of Hama and a French expulsion 20 days before LATER
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);
        pipeline.replay(EnrichedSeeds.all());
        LocalDate recent = LATER.minusDays(20);
        pipeline.replay(List.of(
                EnrichedSeeds.toll("hama-recent", "Hama", recent, 40), expulsion("france-recent", "France", recent)));
        assertThat(pipeline.days().get("Homs|" + EnrichedSeeds.MONDAY)).isNotNull();
        assertThat(pipeline.places().get("Homs")).isNotNull();
        assertThat(pipeline.events().get("Gulf Cooperation Council|DOWNGRADE|Syria"))
                .isNotNull();

        // When articles published on LATER and a week on move the newest publication time past the seeds' retention
        pipeline.replay(pastTheRetention());

        // Then the seeds' casualty days, places and diplomatic events are gone from the rule stores
        assertThat(pipeline.days().get("Homs|" + EnrichedSeeds.MONDAY)).isNull();
        assertThat(pipeline.days().get("Homs|" + EnrichedSeeds.FRIDAY)).isNull();
        assertThat(pipeline.places().get("Homs")).isNull();
        assertThat(keys(pipeline.events())).noneMatch(key -> key.endsWith("|Syria"));
        // And what was reported within the retention stays
        assertThat(pipeline.days().get("Hama|" + recent)).isNotNull();
        assertThat(pipeline.places().get("Hama")).isNotNull();
        assertThat(keys(pipeline.events())).contains("France|DOWNGRADE|Belgium");
        // And the alerts themselves stay: alerts-by-id keeps every alert
        KeyValueStore<String, Alert> alerts = pipeline.driver.getKeyValueStore(AlertTopology.ALERTS_STORE);
        assertThat(alerts.get(HOMS_MONDAY)).isNotNull();
        assertThat(alerts.get(GCC)).isNotNull();
    }

    @Test
    void shouldRaiseAsAFreshPlaceAndEventAfterTheirStateExpired() {
        // Given the seeds, swept by articles published on LATER and a week on
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);
        pipeline.replay(EnrichedSeeds.all());
        pipeline.replay(pastTheRetention());
        assertThat(pipeline.places().get("Homs")).isNull();

        // When Homs has a toll of 30 and the GCC downgrades relations with Syria again, both on LATER
        List<Alert> raised = pipeline.replay(List.of(
                EnrichedSeeds.toll("homs-later", "Homs", LATER, 30),
                EnrichedSeeds.article(
                        "gcc-later",
                        "Outlet",
                        "https://example.org/gcc-later",
                        "GCC again",
                        LATER.atTime(12, 0).toInstant(ZoneOffset.UTC),
                        List.of(EnrichedSeeds.action(
                                DiplomaticActionType.REDUCE_RELATIONS,
                                "Gulf Cooperation Council",
                                List.of(),
                                "Syria",
                                LATER,
                                Modality.ASSERTED,
                                "withdraw",
                                "The GCC withdrew its ambassadors from Syria again.",
                                0)),
                        List.of())));

        // Then each is a NEW alert of its own day, as for a place and event never seen: no baseline, revision 0
        Alert homs = only(raised, "cas-homs-" + LATER);
        assertThat(homs.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(homs.getBaseline()).isNull();
        assertThat(homs.getCount()).isEqualTo(30);
        assertThat(homs.getSources()).isEqualTo(1);
        Alert gcc = only(raised, "dip-gulf-cooperation-council-downgrade-syria-" + LATER);
        assertThat(gcc.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(gcc.getRevision()).isZero();
        assertThat(gcc.getSources()).isEqualTo(1);
        assertThat(raised).extracting(Alert::getId).containsOnly(homs.getId(), gcc.getId());
    }

    @Test
    void shouldTakeAnArticleLaterThanTheRetentionAsTheFirstReportOfItsDay() {
        // Given the seeds, swept by articles published on LATER and a week on
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS);
        pipeline.replay(EnrichedSeeds.all());
        pipeline.replay(pastTheRetention());

        // When an article published on Homs's Monday arrives after that, later than the retention allows
        List<Alert> late =
                pipeline.replay(List.of(EnrichedSeeds.toll("homs-monday-late", "Homs", EnrichedSeeds.MONDAY, 60)));

        // Then, the day's state being gone, it is the day's first report: the spike is raised from it alone. That is
        // the lateness bound (StateExpiry): an article is weighed against what was stored only while the newest
        // publication seen is less than the retention past the entry's day and last report
        Alert again = only(late, HOMS_MONDAY);
        assertThat(again.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(again.getSources()).isEqualTo(1);
        assertThat(again.getCount()).isEqualTo(60);
    }

    @Test
    void shouldRaiseEveryAlertOfAReplayOutOfEventTimeOrderAsWithoutExpiry() {
        // Given articles of years later arriving before the seeds of 2012 (a replay out of event-time order), and
        // after them an article that moves stream time on by more than a sweep interval
        List<EnrichedArticle> outOfOrder = new ArrayList<>();
        LocalDate years = EnrichedSeeds.MONDAY.plusYears(4);
        outOfOrder.add(EnrichedSeeds.toll("hama-2016", "Hama", years, 40));
        outOfOrder.addAll(EnrichedSeeds.all());
        outOfOrder.add(EnrichedSeeds.toll("aleppo-2016", "Aleppo", years.plusDays(10), 25));
        outOfOrder.add(EnrichedSeeds.toll("homs-monday-again", "Homs", EnrichedSeeds.MONDAY, 60));

        // When they are replayed with expiry and without
        List<Alert> withExpiry = new Pipeline(RuleSettings.DEFAULTS).replay(outOfOrder);
        List<Alert> withoutExpiry = new Pipeline(RuleSettings.DEFAULTS.withStateRetentionDays(0)).replay(outOfOrder);

        // Then the same alert versions come out: state written at the stream time of 2016 lives as long as 2016's
        assertThat(EnrichedSeeds.summaries(withExpiry))
                .isEqualTo(EnrichedSeeds.summaries(withoutExpiry))
                .isNotEmpty();
        // And the late Homs report still updates Monday's spike instead of raising it again
        assertThat(withExpiry.get(withExpiry.size() - 1).getId()).isEqualTo(HOMS_MONDAY);
        assertThat(withExpiry.get(withExpiry.size() - 1).getStatus()).isEqualTo(AlertStatus.UPDATE);
    }

    @Test
    void shouldKeepWhatArticlesLeftBehindByALeapOfStreamTimeAreAbout() {
        // Given the BBC seed, then an article published on LATER (as when one upstream partition runs months ahead
        // of another in a fast replay), then the other two seeds of February 2012 still arriving, then LATER + 8 days
        List<EnrichedArticle> skewed = new ArrayList<>();
        skewed.add(EnrichedSeeds.bbc());
        skewed.add(EnrichedSeeds.toll("aleppo-later", "Aleppo", LATER, 25));
        skewed.add(EnrichedSeeds.cbc());
        skewed.add(EnrichedSeeds.globeAndMail());
        skewed.add(EnrichedSeeds.toll("aleppo-later-again", "Aleppo", LATER.plusDays(8), 25));
        skewed.add(EnrichedSeeds.toll("homs-monday-again", "Homs", EnrichedSeeds.MONDAY, 60));

        // When they are replayed with expiry and without
        List<Alert> withExpiry = new Pipeline(RuleSettings.DEFAULTS).replay(skewed);
        List<Alert> withoutExpiry = new Pipeline(RuleSettings.DEFAULTS.withStateRetentionDays(0)).replay(skewed);

        // Then the same alert versions come out: the seeds' state is kept while articles as late as theirs arrive
        assertThat(EnrichedSeeds.summaries(withExpiry)).isEqualTo(EnrichedSeeds.summaries(withoutExpiry));
        assertThat(withExpiry.stream().filter(a -> a.getId().equals(HOMS_MONDAY) && a.getStatus() == AlertStatus.NEW))
                .hasSize(1);
    }

    @Test
    void shouldKeepEverythingWhenTheRetentionIsZero() {
        // Given expiry turned off
        Pipeline pipeline = new Pipeline(RuleSettings.DEFAULTS.withStateRetentionDays(0));
        pipeline.replay(EnrichedSeeds.all());

        // When stream time moves years on
        pipeline.replay(List.of(EnrichedSeeds.toll("aleppo-later", "Aleppo", LATER.plusYears(3), 25)));

        // Then the seeds' state is all there
        assertThat(pipeline.days().get("Homs|" + EnrichedSeeds.MONDAY)).isNotNull();
        assertThat(pipeline.places().get("Homs")).isNotNull();
        assertThat(pipeline.events().get("Gulf Cooperation Council|DOWNGRADE|Syria"))
                .isNotNull();
    }

    /**
     * Articles that take stream time past the seeds' retention: one on LATER, and one a sweep interval later (a sweep
     * never looks past the previous sweep's stream time, so a leap is judged one interval after it).
     */
    private static List<EnrichedArticle> pastTheRetention() {
        return List.of(
                EnrichedSeeds.toll("aleppo-later", "Aleppo", LATER, 25),
                EnrichedSeeds.toll("idlib-week-on", "Idlib", LATER.plusDays(8), 25));
    }

    private static EnrichedArticle expulsion(String id, String actor, LocalDate day) {
        return EnrichedSeeds.article(
                id,
                "Outlet",
                "https://example.org/" + id,
                actor + " expels",
                day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                List.of(EnrichedSeeds.action(
                        DiplomaticActionType.EXPEL_DIPLOMATS,
                        actor,
                        List.of(),
                        "Belgium",
                        day,
                        Modality.ASSERTED,
                        "expelled",
                        actor + " expelled Belgian diplomats.",
                        0)),
                List.of());
    }

    private static List<String> keys(KeyValueStore<String, ?> store) {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static Alert only(List<Alert> alerts, String id) {
        List<Alert> matching =
                alerts.stream().filter(alert -> alert.getId().equals(id)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** One alert topology in its own driver and state directory, with the given rule settings. */
    private final class Pipeline {
        final TopologyTestDriver driver;
        final SharesInput enriched;
        final TestOutputTopic<String, Alert> alerts;

        Pipeline(RuleSettings rules) {
            AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
                    .withApplicationId("alert-expiry-test-" + drivers.size())
                    .withRules(rules)
                    .withStateDir(stateDir.resolve("driver-" + drivers.size()));
            Topics topics = config.topics();
            Properties props = config.streamsProperties();
            driver = new TopologyTestDriver(
                    AlertTopology.build(config, topics, new SimpleMeterRegistry()),
                    props,
                    Instant.parse("2012-02-07T11:00:00Z"));
            drivers.add(driver);
            enriched = new SharesInput(driver, topics);
            alerts = driver.createOutputTopic(
                    topics.alerts().name(),
                    new StringDeserializer(),
                    topics.alerts().valueSerde().deserializer());
        }

        /** Pipes each article with its publication time as record time (as ingest stamps it); the alerts raised. */
        List<Alert> replay(List<EnrichedArticle> articles) {
            articles.forEach(article -> enriched.pipe(article));
            return alerts.readValuesToList();
        }

        KeyValueStore<String, Object> days() {
            return driver.getKeyValueStore(AlertTopology.CASUALTY_DAYS_STORE);
        }

        KeyValueStore<String, Object> places() {
            return driver.getKeyValueStore(AlertTopology.PLACE_BASELINES_STORE);
        }

        KeyValueStore<String, Object> events() {
            return driver.getKeyValueStore(AlertTopology.DIPLOMATIC_EVENTS_STORE);
        }
    }
}
