package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds as the pipeline really sees them: normalised by ingest, enriched by the real extractor, then replayed
 * 000 (BBC) → 001 (CBC) → 002 (The Globe and Mail) through the alert topology. {@link AlertTopologyTest} pins the
 * rules on hand-built enrichments; this test pins what the extractor and the rules do together.
 */
class ExtractedSeedsAlertTest {

    private static final LocalDate MONDAY = LocalDate.of(2012, 2, 6);

    private final String scope = "extracted-seeds-" + UUID.randomUUID();
    private final AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + scope))
            .withApplicationId("extracted-seeds-test");
    private final Topics topics = config.topics();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private SharesInput enriched;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(
                AlertTopology.build(config, topics),
                config.withStateDir(stateDir).streamsProperties(),
                Instant.parse("2012-02-07T10:00:00Z"));
        enriched = new SharesInput(driver, topics);
        alerts = driver.createOutputTopic(
                topics.alerts().name(),
                new StringDeserializer(),
                topics.alerts().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldRaiseOneNewPerRealEventFromTheBbcReportAndOnlyCorroborateThemFromTheOthers() throws IOException {
        // Given the three seeds, enriched by the real extractor, in publication order
        List<EnrichedArticle> seeds = ExtractedSeeds.enriched();

        // When the BBC report arrives
        List<Alert> fromBbc = replay(seeds.get(0));

        // Then each real event of that day is one NEW alert
        List<Alert> bbcNews =
                fromBbc.stream().filter(a -> a.getStatus() == AlertStatus.NEW).toList();
        assertThat(bbcNews)
                .filteredOn(diplomatic("Gulf Cooperation Council"))
                .singleElement()
                .satisfies(gcc -> {
                    assertThat(gcc.getTarget()).isEqualTo("Syria");
                    assertThat(gcc.getActorMembers())
                            .contains("Saudi Arabia", "Qatar", "Kuwait", "Bahrain", "Oman", "United Arab Emirates");
                    assertThat(gcc.getCountries()).containsExactlyInAnyOrder("SA", "QA", "KW", "BH", "OM", "AE", "SY");
                });
        assertThat(bbcNews)
                .filteredOn(diplomatic("United States").and(a -> "CLOSE_EMBASSY".equals(a.getAction())))
                .singleElement()
                .satisfies(us -> {
                    assertThat(us.getEventDate()).isEqualTo(MONDAY);
                    assertThat(us.getCountries()).containsExactly("US", "SY");
                });
        for (String state : List.of("United Kingdom", "France", "Italy", "Belgium", "Netherlands", "Spain")) {
            assertThat(bbcNews).as(state).filteredOn(diplomatic(state)).hasSize(1);
        }
        assertThat(bbcNews)
                .filteredOn(a -> a.getType() == AlertType.CASUALTY_SPIKE
                        && "Homs".equals(a.getPlace())
                        && MONDAY.equals(a.getEventDate()))
                .singleElement()
                .satisfies(homs -> {
                    assertThat(homs.getCount()).isEqualTo(95);
                    assertThat(homs.getCountries()).containsExactly("SY");
                });
        assertThat(bbcNews).noneMatch(a -> "VETO_RESOLUTION".equals(a.getAction()));

        // When the CBC and Globe reports follow
        List<Alert> later = new ArrayList<>(replay(seeds.get(1)));
        later.addAll(replay(seeds.get(2)));

        // Then the events already raised are only corroborated, and the sanctions being prepared raise nothing
        List<String> bbcIds = bbcNews.stream().map(Alert::getId).toList();
        assertThat(later)
                .filteredOn(a -> bbcIds.contains(a.getId()))
                .isNotEmpty()
                .allMatch(a -> a.getStatus() == AlertStatus.UPDATE);
        assertThat(later).noneMatch(a -> "IMPOSE_SANCTIONS".equals(a.getAction()));
        assertThat(later).noneMatch(a -> "VETO_RESOLUTION".equals(a.getAction()));
        Alert lastGcc = later.stream()
                .filter(diplomatic("Gulf Cooperation Council"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(lastGcc.getSources()).isEqualTo(3);
        assertThat(lastGcc.getOutlets()).containsExactly("BBC", "CBC", "The Globe and Mail");
        Alert lastHoms = later.stream()
                .filter(a -> a.getType() == AlertType.CASUALTY_SPIKE
                        && "Homs".equals(a.getPlace())
                        && MONDAY.equals(a.getEventDate()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(lastHoms.getCountLow()).isLessThan(lastHoms.getCountHigh());
        assertThat(lastHoms.getCountHigh()).isEqualTo(95);

        // And every alert id was NEW exactly once over the whole replay
        List<Alert> all = new ArrayList<>(fromBbc);
        all.addAll(later);
        Map<String, Long> news = all.stream()
                .filter(a -> a.getStatus() == AlertStatus.NEW)
                .collect(Collectors.groupingBy(Alert::getId, Collectors.counting()));
        assertThat(news.values()).containsOnly(1L);
    }

    private List<Alert> replay(EnrichedArticle article) {
        enriched.pipe(article);
        return alerts.readValuesToList();
    }

    private static Predicate<Alert> diplomatic(String actor) {
        return a -> a.getType() == AlertType.DIPLOMATIC_ACTION && actor.equals(a.getActor()) && !a.getBackground();
    }
}
