package io.wirewatch.ingest.source;

/** Where sources deliver what they read: articles to ingest and input to dead-letter. */
public interface ArticleHandler {

    void article(RawArticle article);

    void rejected(Rejection rejection);
}
