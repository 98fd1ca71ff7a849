package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.time.Clock;
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
 * TopologyTestDriver, on the seed articles repeated under fresh ids, next to the extractor's own rate on the same
 * articles so that the topology's overhead shows. Logged, not asserted (the machine is shared); every phase is
 * bounded in time so that this stays a fast test whatever the extractor costs.
 */
class EnrichTopologyThroughputTest {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopologyThroughputTest.class);
    private static final Duration WARM_UP = Duration.ofMillis(700);
    private static final Duration MEASURE = Duration.ofMillis(1500);
    private static final int MAX_ARTICLES = 20_000;

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
        ArticleExtractor extractor = new ArticleExtractor();
        List<Article> seeds = TestArticles.seeds().stream()
                .map(seed -> TestArticles.seedArticle(seed, TestArticles.normalisedText(seed)))
                .toList();
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EnrichTopology.build(config, topics, extractor), config.streamsProperties())) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(
                    topics.articlesRaw().name(),
                    topics.articlesRaw().keySerde().serializer(),
                    topics.articlesRaw().valueSerde().serializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(
                    topics.articlesEnriched().name(),
                    topics.articlesEnriched().keySerde().deserializer(),
                    topics.articlesEnriched().valueSerde().deserializer());
            int warmedUp = pipeFor(WARM_UP, raw, seeds, 0);
            assertThat(enriched.readRecordsToList()).hasSize(warmedUp);

            // When copies are piped for a fixed time
            long started = System.nanoTime();
            int piped = pipeFor(MEASURE, raw, seeds, warmedUp);
            double topologySeconds = (System.nanoTime() - started) / 1e9;

            // Then every copy was enriched under its own id
            List<EnrichedArticle> out = enriched.readValuesToList();
            assertThat(out).hasSize(piped);
            assertThat(out.get(piped - 1).getArticleId()).endsWith("-" + (warmedUp + piped - 1));

            // And, for comparison, the extractor alone on the same articles
            ArticleEnricher bare = new ArticleEnricher(extractor::extract, ArticleExtractor.VERSION, Clock.systemUTC());
            long bareStarted = System.nanoTime();
            long bareDeadline = bareStarted + MEASURE.toNanos();
            int bareCount = 0;
            while (bareCount < MAX_ARTICLES && System.nanoTime() < bareDeadline) {
                bare.enrich(seeds.get(bareCount++ % seeds.size()));
            }
            double bareSeconds = (System.nanoTime() - bareStarted) / 1e9;
            LOG.info(
                    "Throughput (extractor {}): topology in TopologyTestDriver {} articles/s ({} in {} s); "
                            + "ArticleEnricher alone {} articles/s ({} in {} s)",
                    ArticleExtractor.VERSION,
                    rate(piped, topologySeconds),
                    piped,
                    format(topologySeconds),
                    rate(bareCount, bareSeconds),
                    bareCount,
                    format(bareSeconds));
        }
    }

    /** Pipes seed copies until {@code duration} has passed (at least one); returns how many. */
    private static int pipeFor(
            Duration duration, TestInputTopic<String, Article> raw, List<Article> seeds, int firstIndex) {
        long deadline = System.nanoTime() + duration.toNanos();
        int count = 0;
        do {
            int index = firstIndex + count;
            Article seed = seeds.get(index % seeds.size());
            Article copy =
                    Article.newBuilder(seed).setId(seed.getId() + "-" + index).build();
            raw.pipeInput(copy.getId(), copy, copy.getPublishedAt());
            count++;
        } while (count < MAX_ARTICLES && System.nanoTime() < deadline);
        return count;
    }

    private static String rate(int count, double seconds) {
        return String.format("%.0f", count / seconds);
    }

    private static String format(double seconds) {
        return String.format("%.2f", seconds);
    }
}
