package io.wirewatch.ingest.publish;

import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.util.concurrent.CompletableFuture;

/** Where the ingest pipeline sends what it produces: articles and dead letters. Sending may be asynchronous. */
public interface IngestOutput {

    /**
     * Sends the article; the future completes once it is durably kept (for Kafka: acknowledged by the broker), or
     * fails when it never will be.
     */
    CompletableFuture<Void> publish(Article article);

    void deadLetter(DeadLetter deadLetter);

    /** Blocks until everything sent so far is acknowledged (or has failed and been logged). */
    void flush();
}
