package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.streams.AlertHeaders;
import io.wirewatch.alert.streams.AlertStreams;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert topology in TopologyTestDriver with an in-memory schema registry, replaying the enriched seeds
 * 000 (BBC) then 001 (CBC) then 002 (The Globe and Mail).
 */
class AlertTopologyTest {

    private static final Instant START = Instant.parse("2012-02-07T11:00:00Z");

    private static final String GCC = "dip-gulf-cooperation-council-downgrade-syria-2012-02-07";
    private static final String US = "dip-united-states-downgrade-syria-2012-02-06";
    private static final String UK = "dip-united-kingdom-downgrade-syria-2012-02-07";
    private static final String FRANCE = "dip-france-downgrade-syria-2012-02-07";
    private static final String ITALY = "dip-italy-downgrade-syria-2012-02-07";
    private static final String BELGIUM = "dip-belgium-downgrade-syria-2012-02-07";
    private static final String NETHERLANDS = "dip-netherlands-downgrade-syria-2012-02-07";
    private static final String SPAIN = "dip-spain-downgrade-syria-2012-02-07";
    private static final String HOMS_MONDAY = "cas-homs-2012-02-06";
    private static final String HOMS_FRIDAY = "cas-homs-2012-02-03";

    private final String registryScope = "alert-topology-test-" + UUID.randomUUID();
    private final AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
            .withApplicationId("alert-topology-test");
    private final Topics topics = config.topics();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TopologyTestDriver driver;
    private Instant wallClock = START;
    private SharesInput enriched;
    private TestInputTopic<String, byte[]> rawShares;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() {
        Properties props = config.withStateDir(stateDir).streamsProperties();
        driver = new TopologyTestDriver(AlertTopology.build(config, topics, meters), props, START);
        enriched = new SharesInput(driver, topics);
        rawShares = driver.createInputTopic(
                topics.diplomaticByEvent().name(), new StringSerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(
                topics.alerts().name(),
                new StringDeserializer(),
                topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters().name(),
                new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldRaiseOneNewPerRealEventFromTheFirstSeedAndOnlyUpdatesForThemFromTheOthers() {
        // Given the BBC report, the first to reach the service
        // When it is processed
        List<Alert> fromBbc = replay(EnrichedSeeds.bbc());

        // Then each real event is one NEW alert, and the vetoes, told only as background, raise nothing
        assertThat(fromBbc).allMatch(alert -> alert.getStatus() == AlertStatus.NEW);
        assertThat(ids(fromBbc, false))
                .containsExactlyInAnyOrder(GCC, US, UK, FRANCE, ITALY, BELGIUM, NETHERLANDS, SPAIN, HOMS_MONDAY);
        assertThat(ids(fromBbc, true)).isEmpty();

        // When the CBC report follows
        List<Alert> fromCbc = replay(EnrichedSeeds.cbc());

        // Then it only updates: the events it retells, one update each
        assertThat(fromCbc).allMatch(alert -> alert.getStatus() == AlertStatus.UPDATE);
        assertThat(fromCbc).extracting(Alert::getId).containsExactlyInAnyOrder(GCC, US, UK, FRANCE, ITALY, HOMS_MONDAY);

        // When The Globe and Mail report follows
        List<Alert> fromGlobe = replay(EnrichedSeeds.globeAndMail());

        // Then it updates every known event it retells; its only NEW is the Friday toll no earlier report gave
        assertThat(updates(fromGlobe))
                .extracting(Alert::getId)
                .containsExactlyInAnyOrder(GCC, US, UK, FRANCE, ITALY, BELGIUM, NETHERLANDS, SPAIN, HOMS_MONDAY);
        assertThat(ids(fromGlobe, false).stream()
                        .filter(id -> fromGlobe.stream()
                                .anyMatch(a -> a.getId().equals(id) && a.getStatus() == AlertStatus.NEW)))
                .containsExactly(HOMS_FRIDAY);

        // And no alert id is ever NEW twice
        List<Alert> all = new ArrayList<>(fromBbc);
        all.addAll(fromCbc);
        all.addAll(fromGlobe);
        Map<String, Long> newsPerId = all.stream()
                .filter(a -> a.getStatus() == AlertStatus.NEW)
                .collect(Collectors.groupingBy(Alert::getId, Collectors.counting()));
        assertThat(newsPerId.values()).containsOnly(1L);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseNothingForPlannedSanctionsNorTheVetoesAsAssertedActions() {
        // Given all three seeds processed
        List<Alert> all = replayAll();

        // Then the planned EU and US sanctions and Japan's considered reduction raise nothing
        assertThat(all).noneMatch(alert -> "European Union".equals(alert.getActor()));
        assertThat(all).noneMatch(alert -> "Japan".equals(alert.getActor()));
        assertThat(all).noneMatch(alert -> "IMPOSE_SANCTIONS".equals(alert.getAction()));
        // And the vetoes, every seed telling them as background, raise nothing at all
        assertThat(all).noneMatch(alert -> "VETO_RESOLUTION".equals(alert.getAction()));
        // And France's closure of posts in November 2011, told as history, does not join the recall of 2012
        Alert france = last(all, FRANCE);
        assertThat(france.getHeadline()).isEqualTo("France recalls its ambassador from Syria");
        assertThat(france.getAction()).isEqualTo("RECALL_AMBASSADOR");
    }

    @Test
    void shouldRaiseTheGccWithdrawalAsOneGroupAlertCorroboratedByAllThreeOutlets() {
        // Given all three seeds processed
        List<Alert> all = replayAll();

        // Then the first GCC alert names the group, its members and both actions
        Alert first =
                all.stream().filter(a -> a.getId().equals(GCC)).findFirst().orElseThrow();
        assertThat(first.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(first.getType()).isEqualTo(AlertType.DIPLOMATIC_ACTION);
        assertThat(first.getHeadline()).isEqualTo("GCC withdraws ambassadors from Syria and expels Syrian envoys");
        assertThat(first.getActor()).isEqualTo("Gulf Cooperation Council");
        assertThat(first.getActorMembers())
                .containsExactlyInAnyOrder(
                        "Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates");
        assertThat(first.getTarget()).isEqualTo("Syria");
        assertThat(first.getAction()).isEqualTo("EXPEL_DIPLOMATS");
        assertThat(first.getCameoCode()).isEqualTo("166");
        assertThat(first.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.getEventDate()).isEqualTo(EnrichedSeeds.TUESDAY);
        assertThat(first.getSources()).isEqualTo(1);
        assertThat(first.getRevision()).isZero();

        // And the last version carries the evidence of all three articles
        Alert latest = last(all, GCC);
        assertThat(latest.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(latest.getRevision()).isEqualTo(2);
        assertThat(latest.getSources()).isEqualTo(3);
        assertThat(latest.getOutlets()).containsExactly("BBC", "CBC", "The Globe and Mail");
        assertThat(latest.getHeadline()).isEqualTo(first.getHeadline());
        assertThat(latest.getEvidence())
                .extracting(AlertEvidence::getArticleId)
                .containsExactly(EnrichedSeeds.BBC_ID, EnrichedSeeds.CBC_ID, EnrichedSeeds.GLOBE_ID);
        assertThat(latest.getEvidence()).extracting(AlertEvidence::getUrl).allMatch(url -> url.startsWith("https://"));
        assertThat(latest.getEvidence().get(0).getSentence())
                .contains("Members have decided to withdraw their ambassadors");
        assertThat(latest.getEvidence().get(2).getSentence()).contains("expelling Syrian envoys");
        assertThat(latest.getFirstSeen()).isEqualTo(first.getFirstSeen());
        assertThat(latest.getLastUpdated()).isAfter(first.getLastUpdated());
    }

    @Test
    void shouldRaiseTheUsEmbassyClosureOnceAndAddTheRecallReportedLater() {
        // Given all three seeds processed
        List<Alert> all = replayAll();

        // Then the US closure is one alert, dated Monday, whose later versions add the envoy called back
        List<Alert> us = all.stream().filter(a -> a.getId().equals(US)).toList();
        assertThat(us)
                .extracting(Alert::getStatus)
                .containsExactly(AlertStatus.NEW, AlertStatus.UPDATE, AlertStatus.UPDATE);
        assertThat(us.get(0).getHeadline()).isEqualTo("US closes its embassy in Syria");
        assertThat(us.get(0).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(us.get(0).getEventDate()).isEqualTo(EnrichedSeeds.MONDAY);
        assertThat(us.get(2).getHeadline()).isEqualTo("US closes its embassy in Syria and recalls its ambassador");
        assertThat(us.get(2).getAction()).isEqualTo("CLOSE_EMBASSY");
        assertThat(us.get(2).getSources()).isEqualTo(3);
    }

    @Test
    void shouldRaiseOneAlertPerEuropeanStateThatRecalledItsAmbassador() {
        // Given the BBC report, which names six states recalling their ambassadors
        List<Alert> fromBbc = replay(EnrichedSeeds.bbc());

        // Then each state has its own MEDIUM alert (design: one per state, so each can be corroborated on its own)
        for (String state : List.of("United Kingdom", "France", "Belgium", "Netherlands", "Spain", "Italy")) {
            Alert alert =
                    fromBbc.stream().filter(a -> state.equals(a.getActor())).collect(onlyOne());
            assertThat(alert.getAction()).isEqualTo("RECALL_AMBASSADOR");
            assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.getActorMembers()).isEmpty();
            String shortName = state.equals("United Kingdom") ? "UK" : state;
            assertThat(alert.getHeadline()).isEqualTo(shortName + " recalls its ambassador from Syria");
            assertThat(alert.getEvidence())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getSentence()).contains("have also recalled their ambassadors"));
        }
    }

    @Test
    void shouldReportTheHomsSpikeAndCarryTheRangeOfConflictingLaterReports() {
        // Given the BBC report of at least 95 killed in Homs on Monday, a place with no history
        Alert spike = replay(EnrichedSeeds.bbc()).stream()
                .filter(a -> a.getId().equals(HOMS_MONDAY))
                .collect(onlyOne());

        // Then it is a HIGH casualty spike with the activists' figure and no baseline
        assertThat(spike.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(spike.getType()).isEqualTo(AlertType.CASUALTY_SPIKE);
        assertThat(spike.getHeadline()).isEqualTo("Homs: at least 95 killed on 2012-02-06 (activists)");
        assertThat(spike.getPlace()).isEqualTo("Homs");
        assertThat(spike.getEventDate()).isEqualTo(EnrichedSeeds.MONDAY);
        assertThat(spike.getCount()).isEqualTo(95);
        assertThat(spike.getBaseline()).isNull();
        assertThat(spike.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(spike.getEvidence()).singleElement().satisfies(e -> {
            assertThat(e.getCount()).isEqualTo(95);
            assertThat(e.getAttributedTo()).isEqualTo("activists");
            assertThat(e.getOutlet()).isEqualTo("BBC");
        });

        // When CBC reports nearly 70 for the same day
        Alert conflicting = replay(EnrichedSeeds.cbc()).stream()
                .filter(a -> a.getId().equals(HOMS_MONDAY))
                .collect(onlyOne());

        // Then it is an UPDATE carrying the range, not a second spike
        assertThat(conflicting.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(conflicting.getHeadline()).isEqualTo("Homs: 70–95 killed on 2012-02-06 (activists)");
        assertThat(conflicting.getCountLow()).isEqualTo(70);
        assertThat(conflicting.getCountHigh()).isEqualTo(95);
        assertThat(conflicting.getSources()).isEqualTo(2);
        assertThat(conflicting.getEvidence())
                .extracting(AlertEvidence::getCount)
                .containsExactly(95, 70);

        // When The Globe and Mail gives 95 again (with state media's lower counts of particular victims)
        Alert corroborated = replay(EnrichedSeeds.globeAndMail()).stream()
                .filter(a -> a.getId().equals(HOMS_MONDAY))
                .collect(onlyOne());

        // Then 95 is the figure most sources give, and the range stays
        assertThat(corroborated.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(corroborated.getCount()).isEqualTo(95);
        assertThat(corroborated.getSources()).isEqualTo(3);
        assertThat(corroborated.getOutlets()).containsExactly("BBC", "CBC", "The Globe and Mail");
        assertThat(corroborated.getRevision()).isEqualTo(2);
    }

    @Test
    void shouldNotRaiseTuesdaysTollBelowTheMinimumEvenWithAFurtherNineteen() {
        // Given all three seeds: Tuesday in Homs is 15 (BBC), then 19 and "a further 19" (Globe)
        List<Alert> all = replayAll();

        // Then Tuesday is no spike: the further 19 is not added to the 19 of the same article
        assertThat(all).noneMatch(alert -> alert.getId().equals("cas-homs-2012-02-07"));
    }

    @Test
    void shouldKeepTheLatestVersionOfEveryAlertInTheQueryableStore() {
        // Given all three seeds processed
        List<Alert> all = replayAll();

        // Then alerts-by-id holds each alert once, in its last version
        KeyValueStore<String, Alert> store = driver.getKeyValueStore(AlertTopology.ALERTS_STORE);
        Map<String, Alert> lastById = new LinkedHashMap<>();
        all.forEach(alert -> lastById.put(alert.getId(), alert));
        Map<String, Alert> stored = new HashMap<>();
        try (var iterator = store.all()) {
            iterator.forEachRemaining((KeyValue<String, Alert> entry) -> stored.put(entry.key, entry.value));
        }
        assertThat(stored).isEqualTo(lastById);
        assertThat(stored.get(GCC).getRevision()).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterAnUndecodableRecordAndGoOn() {
        // Given a value that is not Avro in the Confluent wire format
        byte[] garbage = "not an enriched article".getBytes(StandardCharsets.UTF_8);

        // When it arrives before a good article
        rawShares.pipeInput(new TestRecord<>("broken-1", garbage, START));
        List<Alert> after = replay(EnrichedSeeds.bbc());

        // Then it becomes one dead letter with its bytes and reason, and the good article still raises its alerts
        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(deadLetter.getService()).isEqualTo("alert");
        assertThat(deadLetter.getTopic()).isEqualTo(topics.diplomaticByEvent().name());
        assertThat(deadLetter.getReason()).startsWith("Cannot decode value");
        assertThat(StandardCharsets.UTF_8.decode(deadLetter.getPayload()).toString())
                .isEqualTo("not an enriched article");
        assertThat(after).extracting(Alert::getId).contains(GCC, HOMS_MONDAY);
        // And operators can see it counted
        assertThat(deadLetterCount("undecodable")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterARecordNamingAnUnknownSchemaIdAndGoOn() {
        // Given wire-format bytes naming a schema id the registry never issued
        byte[] unknownId =
                ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(7).array();

        // When it arrives before a good article
        rawShares.pipeInput(new TestRecord<>("ghost-1", unknownId, START));
        List<Alert> after = replay(EnrichedSeeds.bbc());

        // Then it is one dead letter naming the id, counted, and the good article still raises its alerts
        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(deadLetter.getTopic()).isEqualTo(topics.diplomaticByEvent().name());
        assertThat(deadLetter.getOffset()).isZero();
        assertThat(deadLetter.getReason()).contains("4242");
        assertThat(deadLetter.getPayload()).isEqualTo(ByteBuffer.wrap(unknownId));
        assertThat(deadLetterCount("undecodable")).isEqualTo(1.0);
        assertThat(after).extracting(Alert::getId).contains(GCC, HOMS_MONDAY);
    }

    @Test
    void shouldDeadLetterARecordOfAnotherSchemaAndGoOn() {
        // Given a valid Avro Article (registered for articles.raw) written on a shares topic by mistake
        Article article = Article.newBuilder()
                .setId("raw-1")
                .setIngestedAt(START)
                .setText("Text.")
                .setOriginalText("Text.")
                .setContentHash("00")
                .setSourceRef("http")
                .build();
        byte[] articleBytes = topics.articlesRaw()
                .valueSerde()
                .serializer()
                .serialize(topics.articlesRaw().name(), article);

        // When it arrives before a good article
        rawShares.pipeInput(new TestRecord<>("raw-1", articleBytes, START));
        List<Alert> after = replay(EnrichedSeeds.bbc());

        // Then it is one dead letter naming both types, counted, and the good article still raises its alerts
        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(deadLetter.getReason()).contains(Article.class.getName()).contains(EnrichedArticle.class.getName());
        assertThat(deadLetter.getPayload()).isEqualTo(ByteBuffer.wrap(articleBytes));
        assertThat(deadLetterCount("undecodable")).isEqualTo(1.0);
        assertThat(after).extracting(Alert::getId).contains(GCC, HOMS_MONDAY);
    }

    private double deadLetterCount(String reason) {
        return meters.get(DeadLetterRouter.METER_NAME)
                .tags("service", "alert", "topic", topics.diplomaticByEvent().name(), "reason", reason)
                .counter()
                .count();
    }

    @Test
    void shouldChangeNothingWhenTheSameArticleArrivesTwice() {
        // Given the BBC report processed once
        replay(EnrichedSeeds.bbc());

        // When it is delivered again (a re-enrichment, a replay)
        List<Alert> again = replay(EnrichedSeeds.bbc());

        // Then no alert is raised or updated
        assertThat(again).isEmpty();
    }

    @Test
    void shouldNameItsProcessorsAndStores() {
        // Given the topology
        String description = AlertTopology.build(config, topics).describe().toString();

        // Then its processors, input topics and stores carry the documented names
        assertThat(description)
                .contains(
                        "diplomatic-novelty",
                        "casualty-spikes",
                        topics.diplomaticByEvent().name(),
                        topics.casualtiesByPlace().name(),
                        "alerts-sink",
                        AlertTopology.ALERTS_STORE,
                        AlertTopology.DIPLOMATIC_EVENTS_STORE,
                        AlertTopology.CASUALTY_DAYS_STORE,
                        AlertTopology.PLACE_BASELINES_STORE,
                        "diplomatic-shares-decode",
                        "casualty-shares-decode");
        // And it re-keys nothing itself: enrich-service keyed the shares as the stores are keyed
        assertThat(description).doesNotContain("repartition");
    }

    @Test
    void shouldStampEveryAlertWithItsArticlesIngestTimeAndCountAlertsByTypeAndStatus() {
        // Given the three seeds, each ingested a minute after it was published
        // When they are replayed
        List<TestRecord<String, Alert>> records = new ArrayList<>();
        for (EnrichedArticle article : EnrichedSeeds.all()) {
            enriched.pipe(article);
            List<TestRecord<String, Alert>> produced = alerts.readRecordsToList();
            // Then each alert version carries the ingest time of the article that raised or updated it
            assertThat(produced)
                    .isNotEmpty()
                    .allSatisfy(record -> assertThat(AlertHeaders.ingestedAt(record.headers()))
                            .hasValue(article.getIngestedAt()));
            records.addAll(produced);
        }

        // and the counter of alerts by type and status adds up to what the topic received
        long news = records.stream()
                .filter(r -> r.value().getStatus() == AlertStatus.NEW)
                .count();
        long updates = records.size() - news;
        double countedNew = meters.find(AlertStreams.ALERTS_METER).tag("status", "NEW").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
        double countedUpdates = meters.find(AlertStreams.ALERTS_METER).tag("status", "UPDATE").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
        assertThat(countedNew).isEqualTo(news);
        assertThat(countedUpdates).isEqualTo(updates).isPositive();
        assertThat(meters.get(AlertStreams.ALERTS_METER)
                        .tag("type", "CASUALTY_SPIKE")
                        .tag("status", "NEW")
                        .counter()
                        .count())
                .isEqualTo(records.stream()
                        .filter(r -> r.value().getStatus() == AlertStatus.NEW
                                && r.value().getType() == AlertType.CASUALTY_SPIKE)
                        .count());
    }

    private List<Alert> replayAll() {
        List<Alert> all = new ArrayList<>();
        EnrichedSeeds.all().forEach(article -> all.addAll(replay(article)));
        return all;
    }

    /** Pipes the article with its publication time as record time; every alert must be keyed and timed as raised. */
    private List<Alert> replay(EnrichedArticle article) {
        enriched.pipe(article);
        Instant raisedAt = wallClock;
        wallClock = wallClock.plus(Duration.ofMinutes(5));
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        return alerts.readRecordsToList().stream()
                .map(record -> {
                    assertThat(record.key()).isEqualTo(record.value().getId());
                    assertThat(record.getRecordTime()).isEqualTo(raisedAt);
                    assertThat(record.value().getLastUpdated()).isEqualTo(raisedAt);
                    return record.value();
                })
                .toList();
    }

    private static List<String> ids(List<Alert> alerts, boolean background) {
        return alerts.stream()
                .filter(a -> a.getBackground() == background)
                .map(Alert::getId)
                .toList();
    }

    private static List<Alert> updates(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.getStatus() == AlertStatus.UPDATE).toList();
    }

    private static Alert last(List<Alert> alerts, String id) {
        return alerts.stream()
                .filter(a -> a.getId().equals(id))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
