package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.ArticleEnricher;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.ingest.language.LanguageDetection;
import io.wirewatch.ingest.text.TextNormaliser;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.Article;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One event reported in French and in English, as the pipeline sees it: ingest normalises each text and detects its
 * language, enrich reads each with its own language's rules, and the alert topology folds both into one alert, because
 * both come out in one vocabulary (canonical English names and codes). Texts written for this test.
 */
class MultilingualFoldTest {

    private static final String FRENCH = "Le Mali expulse l'ambassadeur de France\n\n"
            + "Le gouvernement malien a expulsé lundi l'ambassadeur de France à Bamako et lui a donné 72 heures pour "
            + "quitter le territoire, selon un communiqué lu à la télévision nationale. Les autorités de transition "
            + "reprochent à Paris des propos jugés hostiles.";
    private static final String ENGLISH = "Mali expels French ambassador\n\n"
            + "Mali expelled the French ambassador in Bamako on Monday and gave him 72 hours to leave the country, the "
            + "transitional government said in a statement read on state television.";

    private final String scope = "multilingual-fold-" + UUID.randomUUID();
    private final AlertConfig config = AlertConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + scope))
            .withApplicationId("multilingual-fold-test");
    private final Topics topics = config.topics();
    private final ArticleEnricher enricher = new ArticleEnricher(new ArticleExtractor());

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
                Instant.parse("2023-02-07T10:00:00Z"));
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
    void shouldFoldAFrenchAndAnEnglishReportOfOneExpulsionIntoOneAlert() {
        // Given a French report of the expulsion, then an English one an hour later
        EnrichedArticle french = enrich("fr-1", FRENCH, "Radio Sahel", "2023-02-07T09:00:00Z");
        EnrichedArticle english = enrich("en-1", ENGLISH, "Wire One", "2023-02-07T10:00:00Z");
        assertThat(french.getLanguage()).isEqualTo("fr");
        assertThat(english.getLanguage()).isEqualTo("en");

        // When both reach the alert topology
        List<Alert> fromFrench = replay(french);
        List<Alert> fromEnglish = replay(english);

        // Then the French report raises the alert, in English, with canonical names and codes
        Alert raised = fromFrench.stream()
                .filter(a -> a.getStatus() == AlertStatus.NEW && "EXPEL_DIPLOMATS".equals(a.getAction()))
                .findFirst()
                .orElseThrow();
        assertThat(raised.getActor()).isEqualTo("Mali");
        assertThat(raised.getTarget()).isEqualTo("France");
        assertThat(raised.getActorCode()).isEqualTo("ML");
        assertThat(raised.getTargetCode()).isEqualTo("FR");
        assertThat(raised.getHeadline()).startsWith("Mali expels");
        assertThat(raised.getEvidence())
                .as("evidence keeps the original French sentence")
                .anySatisfy(e -> assertThat(e.getSentence()).contains("l'ambassadeur de France"));

        // And the English report only corroborates it: the same alert, one more source, the two evidence sentences
        assertThat(fromEnglish)
                .noneMatch(a -> a.getStatus() == AlertStatus.NEW && "EXPEL_DIPLOMATS".equals(a.getAction()));
        Alert folded = fromEnglish.stream()
                .filter(a -> a.getId().equals(raised.getId()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(folded.getStatus()).isEqualTo(AlertStatus.UPDATE);
        assertThat(folded.getSources()).isEqualTo(2);
        assertThat(folded.getOutlets()).containsExactly("Radio Sahel", "Wire One");
        assertThat(folded.getEvidence())
                .anySatisfy(e -> assertThat(e.getSentence()).contains("l'ambassadeur de France"))
                .anySatisfy(e -> assertThat(e.getSentence()).containsIgnoringCase("expel"));
    }

    @Test
    void shouldNeverReadAGermanReportWithEnglishRules() {
        String german =
                "Deutschland weist russische Diplomaten aus\n\nDie Bundesregierung hat am Montag vier russische "
                        + "Diplomaten ausgewiesen, teilte das Auswärtige Amt in Berlin mit. Sie müssen das Land binnen einer "
                        + "Woche verlassen.";
        EnrichedArticle read = enrich("de-1", german, "Wire Drei", "2023-02-07T09:00:00Z");
        assertThat(read.getLanguage()).isNull();
        assertThat(read.getDiplomaticActions()).isEmpty();
        assertThat(read.getEntities()).isEmpty();
        assertThat(replay(read)).isEmpty();
    }

    private EnrichedArticle enrich(String id, String raw, String outlet, String publishedAt) {
        String text = TextNormaliser.normalise(raw);
        Article article = Article.newBuilder()
                .setId(id)
                .setOutlet(outlet)
                .setTitle(null)
                .setPublishedAt(Instant.parse(publishedAt))
                .setIngestedAt(Instant.parse(publishedAt))
                .setText(text)
                .setOriginalText(raw)
                .setContentHash(id)
                .setSourceRef("test")
                .setLanguage(LanguageDetection.standard().detect(text))
                .build();
        return enricher.enrich(article);
    }

    private List<Alert> replay(EnrichedArticle article) {
        enriched.pipe(article);
        return alerts.readValuesToList();
    }
}
