package io.wirewatch.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.bench.corpus.CorpusGenerator.Settings;
import io.wirewatch.bench.corpus.GeneratedArticle.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final int COUNT = 1_000;
    private static List<GeneratedArticle> corpus;

    @BeforeAll
    static void generateOnce() {
        corpus = CorpusGenerator.generate(new Settings(COUNT, 42, 0.05, 0.10, 0.10));
    }

    @Test
    void shouldGenerateTheSameCorpusForTheSameSeed() {
        // Given the same settings as the shared corpus / When generated again
        List<GeneratedArticle> again = CorpusGenerator.generate(new Settings(COUNT, 42, 0.05, 0.10, 0.10));

        // Then every article is identical
        assertThat(again).isEqualTo(corpus);
    }

    @Test
    void shouldGenerateADifferentCorpusForAnotherSeed() {
        // Given another seed / When generated
        List<GeneratedArticle> other = CorpusGenerator.generate(new Settings(200, 7, 0.05, 0.10, 0.10));

        // Then no text of it appears in the seed-42 corpus
        Set<String> texts = corpus.stream().map(GeneratedArticle::text).collect(Collectors.toSet());
        assertThat(other).extracting(GeneratedArticle::text).noneMatch(texts::contains);
    }

    @Test
    void shouldSpreadAChronologicalFeedOverItsSpanInRoughlyPublicationOrder() {
        // Given 2,000 articles as a feed of one year from 1 January 2015
        java.time.LocalDate first = java.time.LocalDate.of(2015, 1, 1);
        List<GeneratedArticle> feed =
                CorpusGenerator.chronological(new Settings(2_000, 42, 0.05, 0.10, 0.10), first, 365);

        // Then it starts on the first day and ends in the span's last weeks
        java.time.Instant start = first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(feed.get(0).publishedAt()).isBetween(start, start.plus(java.time.Duration.ofDays(1)));
        assertThat(feed.get(feed.size() - 1).publishedAt())
                .isAfter(start.plus(java.time.Duration.ofDays(330)))
                .isBefore(start.plus(java.time.Duration.ofDays(366)));
        // And no article is published more than a month before the newest one ahead of it (a live feed's disorder)
        java.time.Instant newest = java.time.Instant.EPOCH;
        for (GeneratedArticle article : feed) {
            assertThat(article.publishedAt()).isAfter(newest.minus(java.time.Duration.ofDays(30)));
            newest = article.publishedAt().isAfter(newest) ? article.publishedAt() : newest;
        }
    }

    @Test
    void shouldGiveEveryArticleItsOwnIdAndUrl() {
        assertThat(corpus).extracting(GeneratedArticle::id).doesNotHaveDuplicates();
        assertThat(corpus).extracting(GeneratedArticle::url).doesNotHaveDuplicates();
    }

    @Test
    void shouldMakeExactlyTheRequestedSharesOfDuplicatesAndNearDuplicates() {
        // When the corpus is counted by kind
        Map<Kind, Long> byKind =
                corpus.stream().collect(Collectors.groupingBy(GeneratedArticle::kind, Collectors.counting()));

        // Then 5% are exact copies and 10% near copies of earlier articles
        assertThat(byKind)
                .containsEntry(Kind.EXACT_DUPLICATE, 50L)
                .containsEntry(Kind.NEAR_DUPLICATE, 100L)
                .containsEntry(Kind.ORIGINAL, 850L);
    }

    @Test
    void shouldKeepOriginalsAndNearDuplicatesDistinctAndExactDuplicatesIdentical() {
        Map<String, GeneratedArticle> byId =
                corpus.stream().collect(Collectors.toMap(GeneratedArticle::id, Function.identity()));
        Set<String> distinctTexts = new HashSet<>();
        for (GeneratedArticle article : corpus) {
            boolean firstTimeSeen = distinctTexts.add(article.text());
            // Then exactly the exact duplicates repeat a text, and they repeat their source's
            assertThat(firstTimeSeen).as(article.id()).isEqualTo(article.kind() != Kind.EXACT_DUPLICATE);
            if (article.kind() == Kind.EXACT_DUPLICATE) {
                GeneratedArticle source = byId.get(article.derivedFrom());
                assertThat(article.text()).isEqualTo(source.text());
                assertThat(article.source()).isNotNull();
            }
        }
        assertThat(distinctTexts).hasSize(COUNT - 50);
    }

    @Test
    void shouldMakeNearDuplicatesCloseToTheirSourceButOriginalsOfOtherStoriesFarApart() {
        Map<String, GeneratedArticle> byId =
                corpus.stream().collect(Collectors.toMap(GeneratedArticle::id, Function.identity()));
        List<GeneratedArticle> near =
                corpus.stream().filter(a -> a.kind() == Kind.NEAR_DUPLICATE).toList();
        List<GeneratedArticle> originals =
                corpus.stream().filter(a -> a.kind() == Kind.ORIGINAL).toList();

        // Then a near duplicate shares most of its word trigrams with its source
        double nearSimilarity = near.stream()
                .mapToDouble(a -> similarity(a.text(), byId.get(a.derivedFrom()).text()))
                .min()
                .orElseThrow();
        assertThat(nearSimilarity).isGreaterThan(0.6);

        // And originals about different stories share few
        double unrelatedSimilarity = 0;
        int pairs = 0;
        for (int i = 1; i < originals.size() && pairs < 200; i += 7) {
            GeneratedArticle a = originals.get(i - 1);
            GeneratedArticle b = originals.get(i);
            if (a.storyId() != b.storyId()) {
                unrelatedSimilarity = Math.max(unrelatedSimilarity, similarity(a.text(), b.text()));
                pairs++;
            }
        }
        assertThat(unrelatedSimilarity).isLessThan(0.4);
    }

    @Test
    void shouldWriteArticlesOfThreeToFiveKilobytesLikeTheSeeds() {
        double average =
                corpus.stream().mapToInt(a -> a.text().length()).average().orElseThrow();
        assertThat(average).isBetween(3_000.0, 5_500.0);
        // Originals are written to a 3,000-5,000 character target (the last paragraph may run over, treebank
        // spacing adds some); near duplicates can lose a paragraph or two.
        assertThat(corpus)
                .filteredOn(a -> a.kind() == Kind.ORIGINAL)
                .allSatisfy(a -> assertThat(a.text().length()).isBetween(3_000, 6_000));
        assertThat(corpus).allSatisfy(a -> assertThat(a.text().length()).isBetween(2_000, 6_000));
    }

    @Test
    void shouldVaryPlacesOutletsAndStories() {
        long outlets = corpus.stream().map(GeneratedArticle::source).distinct().count();
        long stories = corpus.stream().map(GeneratedArticle::storyId).distinct().count();
        long countriesNamed = Vocabulary.COUNTRIES.stream()
                .filter(c -> corpus.stream().anyMatch(a -> a.text().contains(c.capital())))
                .count();
        assertThat(outlets).isGreaterThanOrEqualTo(20);
        assertThat(stories).isGreaterThan(250);
        assertThat(countriesNamed).isGreaterThanOrEqualTo(55);
        // Some outlets cover the same story in their own words, which is what makes alerts fire
        assertThat(corpus.stream()
                        .filter(a -> a.kind() == Kind.ORIGINAL)
                        .collect(Collectors.groupingBy(GeneratedArticle::storyId, Collectors.counting()))
                        .values())
                .anyMatch(n -> n >= 3);
    }

    @Test
    void shouldWriteSomeArticlesInTreebankTokenisationLikeSeedZero() {
        long treebank = corpus.stream()
                .filter(a -> a.text().contains(" , ") && a.text().contains(" . \n"))
                .count();
        // 10% of the 850 originals, and their copies
        assertThat(treebank).isBetween(50L, 150L);
    }

    @Test
    void shouldWriteOneIngestJsonObjectPerLine(@TempDir Path dir) throws Exception {
        // Given a small corpus / When written as JSONL
        List<GeneratedArticle> small = corpus.subList(0, 25);
        Path file = dir.resolve("corpus.jsonl");
        CorpusGenerator.writeJsonl(small, file);

        // Then each line is an object with the ingest fields, in order
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(25);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactly("id", "url", "source", "title", "published_at", "text");
        assertThat(first.get("text").asText()).isEqualTo(small.get(0).text());
        assertThat(first.get("published_at").asText())
                .isEqualTo(small.get(0).publishedAt().toString());
    }

    /** Jaccard similarity of word trigrams. */
    private static double similarity(String a, String b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    private static Set<String> trigrams(String text) {
        String[] words = text.split("\\s+");
        Set<String> grams = new HashSet<>();
        for (int i = 2; i < words.length; i++) {
            grams.add(String.join(" ", Arrays.copyOfRange(words, i - 2, i + 1)));
        }
        return grams;
    }
}
