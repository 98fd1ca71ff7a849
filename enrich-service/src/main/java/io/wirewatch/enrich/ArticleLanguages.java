package io.wirewatch.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.EnrichedArticle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts enriched articles by their language on {@code /metrics}: {@code wirewatch_articles_by_language_total} with
 * labels {@code service="enrich"}, {@code language} (the primary subtag of {@code Article.language}, {@code none} when
 * ingest gave none) and {@code extracted} ({@code false} for a language the rules do not read, which is counted and
 * passed on with empty extractions). Thread-safe.
 */
final class ArticleLanguages {

    static final String METER = "wirewatch.articles.by.language";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ArticleLanguages(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the pair and returns {@code enriched}. */
    EnrichedArticle count(Article article, EnrichedArticle enriched) {
        String tag = article.getLanguage();
        String primary = tag == null || tag.isBlank()
                ? "none"
                : tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        // a label per odd tag would let a bad producer grow the registry without bound
        String language = primary.matches("none|[a-z]{2,3}") ? primary : "other";
        boolean extracted = enriched.getLanguage() != null;
        counters.computeIfAbsent(
                        language + "|" + extracted,
                        key -> Counter.builder(METER)
                                .description(
                                        "Articles enriched, by the language ingest detected and whether the rules read it")
                                .tag("service", "enrich")
                                .tag("language", language)
                                .tag("extracted", Boolean.toString(extracted))
                                .register(registry))
                .increment();
        return enriched;
    }
}
