package io.wirewatch.devstack;

import io.wirewatch.schema.Article;
import java.time.Instant;

/** Article fixtures for the platform's tests, shaped like the seed reports of 7 February 2012. */
public final class TestArticles {

    private TestArticles() {}

    public static Article article(String id, String outlet, String text) {
        return Article.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setOutlet(outlet)
                .setTitle("Syria: " + id)
                .setPublishedAt(Instant.parse("2012-02-07T10:15:30.123Z"))
                .setIngestedAt(Instant.parse("2026-11-26T03:00:00.456Z"))
                .setText(text)
                .setOriginalText(text)
                .setContentHash(Integer.toHexString(text.hashCode()))
                .setSourceRef("seeds/" + id + ".txt")
                .setNearDuplicateOf(null)
                .build();
    }
}
