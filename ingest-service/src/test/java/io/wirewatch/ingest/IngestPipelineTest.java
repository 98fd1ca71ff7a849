package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.IngestPipeline.Outcome;
import io.wirewatch.ingest.identity.ArticleIdentity;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.ingest.text.TextNormaliser;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2012-02-07T10:15:00Z");

    private final RecordingOutput output = new RecordingOutput();
    private final IngestPipeline pipeline = new IngestPipeline(
            output, new SeenArticles(), new NearDuplicateIndex(0.8, 100), new MutableClock(NOW), 64 * 1024);

    private static RawArticle article(String url, String text) {
        return new RawArticle(null, url, "BBC", "Syria crisis : Gulf states act", PUBLISHED, text, "file.txt");
    }

    @Test
    void shouldPublishANormalisedArticleWithItsOriginalTextAndMetadata() {
        String text = Seeds.read("000_3f73a5d78b56022d.txt");

        Outcome outcome = pipeline.ingest(article("https://WWW.bbc.co.uk/news/x?utm_source=rss", text));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
        assertThat(output.articles).singleElement().satisfies(article -> {
            assertThat(article.getId()).isEqualTo(outcome.id()).startsWith("url-");
            assertThat(article.getUrl()).isEqualTo("https://www.bbc.co.uk/news/x");
            assertThat(article.getOutlet()).isEqualTo("BBC");
            assertThat(article.getTitle()).isEqualTo("Syria crisis: Gulf states act");
            assertThat(article.getPublishedAt()).isEqualTo(PUBLISHED);
            assertThat(article.getIngestedAt()).isEqualTo(NOW);
            assertThat(article.getText())
                    .isEqualTo(TextNormaliser.normalise(text))
                    .contains("BBC's Paul Wood");
            assertThat(article.getOriginalText()).isEqualTo(text);
            assertThat(article.getLanguage()).isEqualTo("en");
            assertThat(article.getContentHash()).isEqualTo(ArticleIdentity.contentHash(article.getText()));
            assertThat(article.getSourceRef()).isEqualTo("file.txt");
            assertThat(article.getNearDuplicateOf()).isNull();
        });
    }

    @Test
    void shouldPublishTheSameUrlOnceEvenWithOtherTracking() {
        pipeline.ingest(article("https://example.org/a?utm_source=rss", "First version."));

        Outcome again = pipeline.ingest(article("https://example.org/a#comments", "Second version, edited."));

        assertThat(again.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(output.articles).hasSize(1);
    }

    @Test
    void shouldPublishTheSameTextOnceUnderAnotherUrlOrWithOtherSpacing() {
        pipeline.ingest(article("https://example.org/a", "Ten people were killed , activists said ."));

        Outcome sameText =
                pipeline.ingest(article("https://mirror.example.net/b", "Ten  people were killed, activists said."));
        Outcome noUrl = pipeline.ingest(article(null, "Ten people were killed, activists said.\n"));

        assertThat(sameText.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(noUrl.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(output.articles).hasSize(1);
        assertThat(pipeline.totals()).isEqualTo(new IngestSummary(1, 2, 0, 0));
    }

    @Test
    void shouldPublishButMarkANearDuplicate() {
        String text = Seeds.read("001_0214231277631587.txt");
        Outcome original = pipeline.ingest(article("https://www.cbc.ca/news/1", text));

        Outcome near = pipeline.ingest(article(
                "https://www.cbc.ca/news/1-updated",
                text.replace("The move will further isolate", "The decision will further isolate")));

        assertThat(near.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
        assertThat(near.nearDuplicateOf()).isEqualTo(original.id());
        assertThat(output.articles).hasSize(2);
        assertThat(output.articles.get(1).getNearDuplicateOf()).isEqualTo(original.id());
        assertThat(pipeline.totals()).isEqualTo(new IngestSummary(2, 0, 1, 0));
    }

    @Test
    void shouldNotPublishWhatWasRememberedFromAnEarlierRun() {
        String text = TextNormaliser.normalise("Ten people were killed.");
        pipeline.remember("url-0123456789abcdef", ArticleIdentity.contentHash(text), text);

        Outcome outcome = pipeline.ingest(article("https://elsewhere.example/x", "Ten people were killed."));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
        assertThat(output.articles).isEmpty();
    }

    @Test
    void shouldDeadLetterARejectionWithSourceReasonAndPayload() {
        byte[] payload = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        Outcome outcome = pipeline.reject(Rejection.of("feed.jsonl:3", "missing text", payload));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getService()).isEqualTo("ingest");
            assertThat(letter.getSource()).isEqualTo("feed.jsonl:3");
            assertThat(letter.getReason()).isEqualTo("missing text");
            assertThat(bytes(letter)).isEqualTo(payload);
            assertThat(letter.getPayloadSize()).isEqualTo(payload.length);
            assertThat(letter.getTruncated()).isFalse();
            assertThat(letter.getFailedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void shouldRecordTheWholeSizeWhenOnlyTheHeadOfAnInputWasRead() {
        pipeline.reject(new Rejection("http", "too large", new byte[100], 10_000_000, null));

        DeadLetter letter = output.deadLetters.get(0);
        assertThat(letter.getPayloadSize()).isEqualTo(10_000_000);
        assertThat(letter.getTruncated()).isTrue();
        assertThat(letter.getPayload().remaining()).isEqualTo(100);
    }

    @Test
    void shouldRejectTextOverTheLimitOrWithNothingLeftAfterNormalisation() {
        String huge = "é".repeat(40_000); // 80,000 UTF-8 bytes against a 64 KiB limit

        Outcome tooLarge = pipeline.ingest(article(null, huge));
        Outcome invisible = pipeline.ingest(article(null, "\u200B\uFEFF\u0007"));

        assertThat(tooLarge.reason()).isEqualTo("too large: 80000 bytes of text, the limit is 65536 bytes");
        assertThat(invisible.reason()).startsWith("missing text");
        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters).hasSize(2);
        assertThat(output.deadLetters.get(0).getTruncated()).isTrue();
        assertThat(pipeline.totals().rejected()).isEqualTo(2);
    }

    @Test
    void shouldCountUtf8BytesWithoutEncoding() {
        String text = "a\u00e9\u20ac\uD83D\uDE00";

        assertThat(IngestPipeline.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static byte[] bytes(DeadLetter letter) {
        byte[] bytes = new byte[letter.getPayload().remaining()];
        letter.getPayload().duplicate().get(bytes);
        return bytes;
    }

    @Test
    void shouldTellEachArticlesLanguageAndCountItOnTheMetrics() {
        // Given a pipeline whose output counts articles by language
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        RecordingOutput recorded = new RecordingOutput();
        IngestPipeline counting = new IngestPipeline(
                new io.wirewatch.ingest.publish.LanguageCountingOutput(recorded, registry),
                new SeenArticles(),
                new NearDuplicateIndex(0.8, 100),
                new MutableClock(NOW),
                64 * 1024);

        // When a French and a Spanish report arrive
        counting.ingest(article(
                "https://example.org/fr",
                "Le gouvernement malien a expulsé lundi l'ambassadeur de "
                        + "France et lui a donné 72 heures pour quitter le territoire, selon un communiqué officiel."));
        counting.ingest(article(
                "https://example.org/es",
                "Venezuela llamó a consultas a su embajadora en España tras "
                        + "las declaraciones del ministro, informó la cancillería en un comunicado."));

        // Then each is published with its language, and counted under it
        assertThat(recorded.articles).extracting(Article::getLanguage).containsExactly("fr", "es");
        assertThat(registry.get("wirewatch.articles.by.language")
                        .tag("service", "ingest")
                        .tag("language", "fr")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("wirewatch.articles.by.language")
                        .tag("language", "es")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
