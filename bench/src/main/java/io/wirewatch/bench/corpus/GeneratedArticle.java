package io.wirewatch.bench.corpus;

import java.time.Instant;
import java.util.Objects;

/**
 * One synthetic article in the ingest JSON shape (id, url, source, title, published_at, text), plus what the
 * generator knows about it: whether it is an original, an exact copy or a near copy of an earlier article.
 *
 * @param derivedFrom for copies, the id of the article copied; null for originals
 * @param storyId     the event the article reports; several outlets' originals can share a story
 */
public record GeneratedArticle(
        String id,
        String url,
        String source,
        String title,
        Instant publishedAt,
        String text,
        Kind kind,
        String derivedFrom,
        int storyId) {

    /** How an article relates to the ones before it. */
    public enum Kind {
        ORIGINAL,
        EXACT_DUPLICATE,
        NEAR_DUPLICATE
    }

    public GeneratedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
