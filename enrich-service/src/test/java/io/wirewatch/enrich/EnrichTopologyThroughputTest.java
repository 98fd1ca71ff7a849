package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.serde.InMemorySchemaRegistry;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rough throughput figure for the whole topology (decode, extract, encode, with the real extractor) in
 * TopologyTestDriver, on the seed articles repeated under fresh ids; logged, and bounded in time so that it stays a
 * fast test whatever the extractor costs.
 */
class EnrichTopologyThroughputTest {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopologyThroughputTest.class);
    private static final int WARM_UP_ARTICLES = 300;
    private static final int MAX_ARTICLES = 5_000;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final String registryScope = "enrich-throughput-test-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldEnrichEverySeedCopyPipedThroughTheTopology() {
        // Given the topology with the real extractor and the three seeds, normalised
        EnrichConfig config = EnrichConfig.defaults(ClusterConfig.of("unused:9092", "mock://" + registryScope))
                .withApplicationId("enrich-throughput-test");
        Topics topics = config.topics();
        List<Article> seeds = TestArticles.seeds().stream()
                .map(seed -> TestArticles.seedArticle(seed, TestArticles.normalisedText(seed)))
                .toList();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(config, topics, new ArticleExtractor()), config.streamsProperties())) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(topics.articlesRaw().name(),
                    topics.articlesRaw().keySerde().serializer(), topics.articlesRaw().valueSerde().serializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(topics.articlesEnriched().name(),
                    topics.articlesEnriched().keySerde().deserializer(), topics.articlesEnriched().valueSerde().deserializer());
            pipe(raw, seeds, 0, WARM_UP_ARTICLES);
            assertThat(enriched.getQueueSize()).isEqualTo(WARM_UP_ARTICLES);
            enriched.readRecordsToList();

            // When copies are piped until the budget or the cap is reached
            long started = System.nanoTime();
            long deadline = started + BUDGET.toNanos();
            int piped = 0;
            while (piped < MAX_ARTICLES && System.nanoTime() < deadline) {
                pipe(raw, seeds, WARM_UP_ARTICLES + piped, 1);
                piped++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            // Then every copy was enriched, and the rate is reported
            assertThat(enriched.getQueueSize()).isEqualTo(piped);
            LOG.info("EnrichTopology in TopologyTestDriver: {} articles in {} s = {} articles/s (extractor {})",
                    piped, String.format("%.2f", seconds), String.format("%.0f", piped / seconds), ArticleExtractor.VERSION);
        }
    }

    private static void pipe(TestInputTopic<String, Article> raw, List<Article> seeds, int from, int count) {
        for (int i = from; i < from + count; i++) {
            Article seed = seeds.get(i % seeds.size());
            Article copy = Article.newBuilder(seed).setId(seed.getId() + "-" + i).build();
            raw.pipeInput(copy.getId(), copy, copy.getPublishedAt());
        }
    }
}
