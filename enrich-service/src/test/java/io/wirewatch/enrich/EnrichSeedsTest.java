package io.wirewatch.enrich;

import static io.wirewatch.schema.DiplomaticActionType.CLOSE_EMBASSY;
import static io.wirewatch.schema.DiplomaticActionType.EXPEL_DIPLOMATS;
import static io.wirewatch.schema.DiplomaticActionType.IMPOSE_SANCTIONS;
import static io.wirewatch.schema.DiplomaticActionType.RECALL_AMBASSADOR;
import static io.wirewatch.schema.DiplomaticActionType.VETO_RESOLUTION;
import static io.wirewatch.schema.Modality.ASSERTED;
import static io.wirewatch.schema.Modality.BACKGROUND;
import static io.wirewatch.schema.Modality.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CasualtyKind;
import io.wirewatch.schema.CasualtyPeriod;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 4's "Done when": the three seed reports of 7 February 2012, through the enrich topology with the real
 * extractor, yield the diplomatic actions and casualty figures a reader finds in them. Texts are the seeds as
 * ingest-service normalises them; metadata comes from {@code ../seeds/manifest.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichSeedsTest {

    private static final String SYRIA = "Syria";
    private static final String GCC = "Gulf Cooperation Council";
    private static final LocalDate MONDAY = LocalDate.of(2012, 2, 6);

    private final String registryScope = "enrich-seeds-test-" + UUID.randomUUID();
    private Map<String, EnrichedArticle> byOutlet;
    private List<DiplomaticAction> actions;
    private List<CasualtyFigure> figures;

    @BeforeAll
    void enrichTheSeeds() {
        EnrichConfig config = EnrichConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
                .withApplicationId("enrich-seeds-test");
        Topics topics = config.topics();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(config, topics, new ArticleExtractor()), config.streamsProperties())) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(
                    topics.articlesRaw().name(),
                    topics.articlesRaw().keySerde().serializer(),
                    topics.articlesRaw().valueSerde().serializer());
            for (TestArticles.Seed seed : TestArticles.seeds()) {
                Article article = TestArticles.seedArticle(seed, TestArticles.normalisedText(seed));
                raw.pipeInput(article.getId(), article, article.getPublishedAt());
            }
            List<EnrichedArticle> enriched = driver.createOutputTopic(
                            topics.articlesEnriched().name(),
                            topics.articlesEnriched().keySerde().deserializer(),
                            topics.articlesEnriched().valueSerde().deserializer())
                    .readValuesToList();
            assertThat(enriched).hasSize(3);
            byOutlet = enriched.stream().collect(Collectors.toMap(EnrichedArticle::getOutlet, Function.identity()));
            actions = enriched.stream()
                    .flatMap(article -> article.getDiplomaticActions().stream())
                    .toList();
            figures = enriched.stream()
                    .flatMap(article -> article.getCasualtyFigures().stream())
                    .toList();
        } finally {
            InMemorySchemaRegistry.dropScope(registryScope);
        }
    }

    @Test
    void shouldFindGulfStatesExpellingAndWithdrawingFromSyria() {
        assertThat(actions)
                .extracting(
                        DiplomaticAction::getAction,
                        DiplomaticAction::getActor,
                        DiplomaticAction::getTarget,
                        DiplomaticAction::getModality)
                .contains(tuple(EXPEL_DIPLOMATS, GCC, SYRIA, ASSERTED), tuple(RECALL_AMBASSADOR, GCC, SYRIA, ASSERTED));
        assertThat(actions)
                .filteredOn(action -> action.getActor().equals(GCC))
                .allSatisfy(action ->
                        assertThat(action.getActorMembers()).hasSize(6).contains("Saudi Arabia", "Qatar"));
    }

    @Test
    void shouldFindUnitedStatesClosingItsEmbassyOnMonday() {
        assertThat(byOutlet.get("BBC").getDiplomaticActions())
                .filteredOn(action ->
                        action.getAction() == CLOSE_EMBASSY && action.getActor().equals("United States"))
                .isNotEmpty()
                .allSatisfy(action -> {
                    assertThat(action.getTarget()).isEqualTo(SYRIA);
                    assertThat(action.getModality()).isEqualTo(ASSERTED);
                    assertThat(action.getEventDate()).isEqualTo(MONDAY);
                });
    }

    @Test
    void shouldFindSixEuropeanStatesRecallingTheirAmbassadors() {
        assertThat(actions)
                .extracting(
                        DiplomaticAction::getAction,
                        DiplomaticAction::getActor,
                        DiplomaticAction::getTarget,
                        DiplomaticAction::getModality)
                .contains(
                        tuple(RECALL_AMBASSADOR, "United Kingdom", SYRIA, ASSERTED),
                        tuple(RECALL_AMBASSADOR, "France", SYRIA, ASSERTED),
                        tuple(RECALL_AMBASSADOR, "Italy", SYRIA, ASSERTED),
                        tuple(RECALL_AMBASSADOR, "Belgium", SYRIA, ASSERTED),
                        tuple(RECALL_AMBASSADOR, "Netherlands", SYRIA, ASSERTED),
                        tuple(RECALL_AMBASSADOR, "Spain", SYRIA, ASSERTED));
    }

    @Test
    void shouldReportRussianAndChineseVetoOnlyAsBackground() {
        assertThat(actions)
                .filteredOn(action -> action.getAction() == VETO_RESOLUTION)
                .extracting(DiplomaticAction::getActor)
                .contains("Russia", "China");
        assertThat(actions)
                .filteredOn(action -> action.getAction() == VETO_RESOLUTION)
                .allSatisfy(veto -> assertThat(veto.getModality()).isEqualTo(BACKGROUND));
    }

    @Test
    void shouldReportEuropeanSanctionsAsPlannedNotDone() {
        assertThat(actions)
                .filteredOn(action -> action.getAction() == IMPOSE_SANCTIONS
                        && action.getActor().equals("European Union"))
                .isNotEmpty()
                .allSatisfy(sanctions -> assertThat(sanctions.getModality()).isEqualTo(PLANNED));
    }

    @Test
    void shouldFindNinetyFiveKilledInHomsOnMondayAccordingToActivists() {
        assertThat(figures).anySatisfy(figure -> {
            assertThat(figure.getCount()).isEqualTo(95);
            assertThat(figure.getKind()).isEqualTo(CasualtyKind.KILLED);
            assertThat(figure.getPlace()).isEqualTo("Homs");
            assertThat(figure.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
            assertThat(figure.getEventDate()).isEqualTo(MONDAY);
            assertThat(figure.getSource()).containsIgnoringCase("activist");
        });
    }

    @Test
    void shouldFindNearlySeventyKilledOnMonday() {
        assertThat(figures).anySatisfy(figure -> {
            assertThat(figure.getCount()).isEqualTo(70);
            assertThat(figure.getBound()).isEqualTo(CountBound.NEARLY);
            assertThat(figure.getKind()).isEqualTo(CasualtyKind.KILLED);
            assertThat(figure.getPeriod()).isEqualTo(CasualtyPeriod.DAY);
            assertThat(figure.getEventDate()).isEqualTo(MONDAY);
        });
    }

    @Test
    void shouldFindMoreThanSevenThousandKilledSinceMarchAsCumulative() {
        assertThat(figures).anySatisfy(figure -> {
            assertThat(figure.getCount()).isEqualTo(7000);
            assertThat(figure.getBound()).isEqualTo(CountBound.MORE_THAN);
            assertThat(figure.getKind()).isEqualTo(CasualtyKind.KILLED);
            assertThat(figure.getPeriod()).isEqualTo(CasualtyPeriod.CUMULATIVE);
        });
    }

    @Test
    void shouldFindTheUnitedNationsFigureOfFiveThousandFourHundred() {
        assertThat(figures).anySatisfy(figure -> {
            assertThat(figure.getCount()).isEqualTo(5400);
            assertThat(figure.getKind()).isEqualTo(CasualtyKind.KILLED);
            assertThat(figure.getSource()).matches("(?i)(the )?(UN|United Nations)");
        });
    }
}
