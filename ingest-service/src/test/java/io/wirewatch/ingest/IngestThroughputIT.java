package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.ingest.source.ArticleHandler;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures ingest throughput end to end (files read, normalised, deduplicated, published and acknowledged by the
 * embedded broker with acks=all) on 1,000 generated articles the size of the seeds, replayed at {@code --speed max}.
 * Prints the rate; asserts only what must hold whatever the machine's speed.
 */
class IngestThroughputIT {

    private static final int ARTICLES = 1_000;

    @Test
    void shouldPublishAThousandDistinctArticlesAndReportTheRate(@TempDir Path corpus) throws IOException {
        // Given 1,000 distinct seed-sized plain-text articles with a manifest giving each a publication time
        writeCorpus(corpus);
        pipelineOnlyRate(corpus); // warms the JIT up, so the runs below measure steady state
        double pipelineOnly = pipelineOnlyRate(corpus);
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            Topics topics = Topics.create(stack.clusterConfig().serdeConfig(), "throughput-");
            try (TopicAdmin admin = TopicAdmin.connect(stack.kafka().clientProperties())) {
                admin.createTopics(List.of(
                        new TopicAdmin.TopicSpec(
                                topics.articlesRaw().name(), 2, (short) 1, Map.of("retention.ms", "-1")),
                        new TopicAdmin.TopicSpec(
                                topics.deadLetters().name(), 2, (short) 1, Map.of("retention.ms", "-1"))));
            }
            IngestConfig config = IngestConfig.defaults(stack.clusterConfig())
                    .withTopicPrefix("throughput-")
                    .withHttpPort(IngestConfig.HTTP_OFF);
            try (IngestService service = IngestService.start(config)) {
                // When
                long start = System.nanoTime();
                IngestSummary summary = service.ingest(corpus, ReplayOptions.MAX);
                double seconds = (System.nanoTime() - start) / 1e9;
                long startAgain = System.nanoTime();
                IngestSummary again = service.ingest(corpus, ReplayOptions.MAX);
                double secondsAgain = (System.nanoTime() - startAgain) / 1e9;

                // Then
                System.out.printf(
                        Locale.ROOT,
                        "INGEST THROUGHPUT: %d articles (%.1f MB) published in %.2f s = %.0f "
                                + "articles/s; re-ingest (all duplicates) %.2f s = %.0f articles/s; the same files "
                                + "through the pipeline without Kafka: %.0f articles/s%n",
                        summary.published(),
                        corpusBytes(corpus) / 1e6,
                        seconds,
                        summary.published() / seconds,
                        secondsAgain,
                        again.duplicates() / secondsAgain,
                        pipelineOnly);
                assertThat(summary).isEqualTo(new IngestSummary(ARTICLES, 0, 0, 0));
                assertThat(again).isEqualTo(new IngestSummary(0, ARTICLES, 0, 0));
            }
            assertThat(TopicContents.readAll(stack.clusterConfig().kafkaProperties(), topics.articlesRaw()))
                    .hasSize(ARTICLES);
        }
    }

    /** Articles per second through reading, normalising, identity and dedup alone, into memory: the CPU share. */
    private static double pipelineOnlyRate(Path corpus) {
        RecordingOutput output = new RecordingOutput();
        IngestPipeline pipeline = new IngestPipeline(
                output,
                new SeenArticles(),
                new NearDuplicateIndex(0.8, 10_000),
                Clock.systemUTC(),
                IngestConfig.DEFAULT_MAX_ARTICLE_BYTES);
        FileSource files = new FileSource(IngestConfig.DEFAULT_MAX_ARTICLE_BYTES);
        ArticleHandler handler = new ArticleHandler() {
            @Override
            public void article(RawArticle article) {
                pipeline.ingest(article);
            }

            @Override
            public void rejected(Rejection rejection) {
                pipeline.reject(rejection);
            }
        };
        long start = System.nanoTime();
        files.read(corpus, handler);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(output.articles).hasSize(ARTICLES);
        return ARTICLES / seconds;
    }

    /** Articles of random sentences over the seeds' vocabulary: seed-sized (about 5 KB), no two alike. */
    private static void writeCorpus(Path corpus) throws IOException {
        String seeds = Seeds.read("000_3f73a5d78b56022d.txt")
                + Seeds.read("001_0214231277631587.txt")
                + Seeds.read("002_7716cf6ab2c65437.txt");
        String[] vocabulary = Arrays.stream(seeds.split("[^\\p{L}\\p{N}'-]+"))
                .filter(word -> word.length() > 1)
                .distinct()
                .toArray(String[]::new);
        Random random = new Random(2012);
        StringBuilder manifest = new StringBuilder("{\"articles\":[");
        Instant published = Instant.parse("2012-02-07T00:00:00Z");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder text = new StringBuilder("Report " + i + " from Homs\n\n");
            while (text.length() < 5_000) {
                int words = 12 + random.nextInt(15);
                for (int w = 0; w < words; w++) {
                    text.append(vocabulary[random.nextInt(vocabulary.length)]).append(w + 1 < words ? " " : ". ");
                }
                if (random.nextInt(5) == 0) {
                    text.append("\n\n");
                }
            }
            String file = String.format(Locale.ROOT, "%04d.txt", i);
            Files.writeString(corpus.resolve(file), text);
            entries.add(String.format(
                    Locale.ROOT,
                    "{\"file\":\"%s\",\"outlet\":\"Outlet %d\",\"url\":\"https://news.example/%d\",\"published_at\":\"%s\"}",
                    file,
                    i % 7,
                    i,
                    published.plusSeconds(37L * i)));
        }
        manifest.append(String.join(",", entries)).append("]}");
        Files.writeString(corpus.resolve("manifest.json"), manifest);
    }

    private static long corpusBytes(Path corpus) throws IOException {
        try (var files = Files.list(corpus)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
