package io.wirewatch.enrich.extract;

import java.time.Instant;

/**
 * Finds entities, claims, diplomatic actions and casualty figures in an article's normalised text.
 * Plain Java, no Kafka: thread-safe, so one instance serves every stream thread.
 */
public final class ArticleExtractor {

    /** Version of the rules and gazetteers; carried in every EnrichedArticle. */
    public static final String VERSION = "0.0.0-unimplemented";

    /**
     * @param text        the article's normalised text (Article.text); evidence offsets refer to it
     * @param publishedAt publication time, to resolve 'on Monday' and the like; may be null
     * @param outlet      the outlet that publishes the article, reported as the claims' reporter; may be null
     */
    public Extraction extract(String text, Instant publishedAt, String outlet) {
        // Placeholder until the extraction library lands (issue 4); returns nothing rather than guessing.
        return new Extraction(java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
