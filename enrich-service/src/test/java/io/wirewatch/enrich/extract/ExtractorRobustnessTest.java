package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Hostile and concurrent input: the extractor stays bounded in time and gives the same answer on every thread. */
class ExtractorRobustnessTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final Instant PUBLISHED = Instant.parse("2012-02-07T10:00:00Z");

    @Test
    void shouldStayBoundedOnLongTextWithoutPunctuationOrSpaces() {
        String noSpaces = "x".repeat(1_200_000);
        String noPunctuation = "Mr Lavrov said Syria expelled envoys and killed 95 ".repeat(4_000);

        long start = System.nanoTime();
        Extraction a = EXTRACTOR.extract(noSpaces, PUBLISHED, "x");
        Extraction b = EXTRACTOR.extract(noPunctuation, PUBLISHED, "x");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(a.entities()).isEmpty();
        assertThat(b.entities()).isNotEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldNotFailOnUnbalancedQuotesStrayPunctuationAndOddNumbers() {
        List<String> hostile = List.of(
                "\"\"\" said said said",
                ". . . ! ? ,,,",
                "At least , were killed",
                "killed",
                "99999999999999999999 people were killed",
                "Mr.",
                "'s 's 's",
                "( ( ( GCC",
                "since since since",
                "a dozen",
                "more than more than 5",
                "on Monday on Monday on",
                "\u201Cquote\u201D he said \u2019s");

        for (String text : hostile) {
            assertThatCode(() -> EXTRACTOR.extract(text, PUBLISHED, null))
                    .as(text)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void shouldGiveTheSameResultOnConcurrentThreads() throws Exception {
        List<Seeds.Seed> seeds = Seeds.all();
        List<Extraction> sequential = seeds.stream()
                .map(s -> EXTRACTOR.extract(
                        s.text(), s.gold().publishedAt(), s.gold().outlet()))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Extraction>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> seeds.stream()
                        .map(s -> EXTRACTOR.extract(
                                s.text(), s.gold().publishedAt(), s.gold().outlet()))
                        .toList()));
            }
            for (Future<List<Extraction>> future : futures) {
                assertThat(future.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
