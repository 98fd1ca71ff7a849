package io.wirewatch.ingest.publish;

import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;

/** Where the ingest pipeline sends what it produces: articles and dead letters. Sending may be asynchronous. */
public interface IngestOutput {

    void publish(Article article);

    void deadLetter(DeadLetter deadLetter);

    /** Blocks until everything sent so far is acknowledged (or has failed and been logged). */
    void flush();
}
