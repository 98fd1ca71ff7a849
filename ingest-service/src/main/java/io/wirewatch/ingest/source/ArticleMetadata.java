package io.wirewatch.ingest.source;

import java.time.Instant;

/** What a manifest says about one file: every field optional. */
public record ArticleMetadata(String id, String url, String outlet, String title, Instant publishedAt) {

    public ArticleMetadata {
        id = RawArticle.blankToNull(id);
        url = RawArticle.blankToNull(url);
        outlet = RawArticle.blankToNull(outlet);
        title = RawArticle.blankToNull(title);
    }
}
