package io.wirewatch.ingest;

import io.wirewatch.ingest.publish.IngestOutput;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Test double of the Kafka output: keeps what the pipeline sends, in order. */
public final class RecordingOutput implements IngestOutput {

    public final List<Article> articles = new ArrayList<>();
    public final List<DeadLetter> deadLetters = new ArrayList<>();
    public int flushes;

    @Override
    public synchronized CompletableFuture<Void> publish(Article article) {
        articles.add(article);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void deadLetter(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }
}
