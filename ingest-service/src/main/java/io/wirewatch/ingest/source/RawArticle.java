package io.wirewatch.ingest.source;

import java.time.Instant;
import java.util.Objects;

/**
 * One article as a source delivered it, before normalisation and identity: the metadata it came with (all optional)
 * and its text exactly as received.
 *
 * @param explicitId  an id the source gave (manifest or JSON {@code id}); wins over derived ids; null when none
 * @param url         the article's URL as given, or null
 * @param outlet      the outlet that published it, or null
 * @param title       its headline, or null
 * @param publishedAt publication time, or null
 * @param text        body text as received (decoded, not normalised); never blank
 * @param sourceRef   where it came from: a file path (with {@code :line} for JSONL), {@code http} ...
 */
public record RawArticle(
        String explicitId,
        String url,
        String outlet,
        String title,
        Instant publishedAt,
        String text,
        String sourceRef) {

    public RawArticle {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceRef, "sourceRef");
        explicitId = blankToNull(explicitId);
        url = blankToNull(url);
        outlet = blankToNull(outlet);
        title = blankToNull(title);
    }

    /** A copy with the gaps in this article's metadata filled from {@code metadata}; what this one has wins. */
    public RawArticle withDefaults(ArticleMetadata metadata) {
        if (metadata == null) {
            return this;
        }
        return new RawArticle(
                explicitId != null ? explicitId : metadata.id(),
                url != null ? url : metadata.url(),
                outlet != null ? outlet : metadata.outlet(),
                title != null ? title : metadata.title(),
                publishedAt != null ? publishedAt : metadata.publishedAt(),
                text,
                sourceRef);
    }

    /** A copy whose metadata comes from {@code metadata} wherever it has a value. */
    public RawArticle overriddenBy(ArticleMetadata metadata) {
        if (metadata == null) {
            return this;
        }
        return new RawArticle(
                metadata.id() != null ? metadata.id() : explicitId,
                metadata.url() != null ? metadata.url() : url,
                metadata.outlet() != null ? metadata.outlet() : outlet,
                metadata.title() != null ? metadata.title() : title,
                metadata.publishedAt() != null ? metadata.publishedAt() : publishedAt,
                text,
                sourceRef);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
