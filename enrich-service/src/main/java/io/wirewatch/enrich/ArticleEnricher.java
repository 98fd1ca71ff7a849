package io.wirewatch.enrich;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.enrich.extract.Extraction;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.EnrichedArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns one {@link Article} into its {@link EnrichedArticle}: the article's metadata copied, the extractor's findings
 * added. The article's language ({@code Article.language}) picks the rules that read it ({@link
 * ArticleExtractor#readingLanguage}): an article with no language is read as English, one in a language the rules do not
 * read gets no extraction at all (its EnrichedArticle has no language and empty lists), never English rules. Plain Java,
 * no Kafka, so it can be tested and benchmarked alone; thread-safe when the extractor is.
 */
public final class ArticleEnricher {

    /** The extraction step, as a function so that tests can stand in a failing one; normally ArticleExtractor::extract. */
    @FunctionalInterface
    public interface Extractor {
        /** @param language the language the rules read the text in: one of {@link ArticleExtractor#LANGUAGES} */
        Extraction extract(String text, Instant publishedAt, String outlet, String language);
    }

    private static final Extraction NOTHING = new Extraction(List.of(), List.of(), List.of(), List.of());

    private final Extractor extractor;
    private final String extractorVersion;
    private final Clock clock;

    /**
     * @param clock stamps {@code enrichedAt}. Wall-clock time on purpose: the field records when this service produced
     *              the record, so that downstream can measure ingest-to-enrich latency; stream time (the article's
     *              publication time) would say nothing about that.
     */
    public ArticleEnricher(Extractor extractor, String extractorVersion, Clock clock) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the extractor's own version and the system clock. */
    public ArticleEnricher(ArticleExtractor extractor) {
        this(extractor::extract, ArticleExtractor.VERSION, Clock.systemUTC());
    }

    /** Throws whatever the extractor throws; the topology dead-letters such articles. */
    public EnrichedArticle enrich(Article article) {
        String language = ArticleExtractor.readingLanguage(article.getLanguage());
        Extraction extraction = language == null
                ? NOTHING
                : extractor.extract(article.getText(), article.getPublishedAt(), article.getOutlet(), language);
        return EnrichedArticle.newBuilder()
                .setArticleId(article.getId())
                .setUrl(article.getUrl())
                .setOutlet(article.getOutlet())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setIngestedAt(article.getIngestedAt())
                .setEnrichedAt(clock.instant())
                .setExtractorVersion(extractorVersion)
                .setLanguage(language)
                .setEntities(extraction.entities())
                .setClaims(extraction.claims())
                .setDiplomaticActions(extraction.diplomaticActions())
                .setCasualtyFigures(extraction.casualtyFigures())
                .build();
    }
}
