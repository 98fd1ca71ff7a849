package io.wirewatch.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IngestOutput} that counts the articles it publishes by language, {@value #METER} with labels
 * {@code service="ingest"} and {@code language} (the detected tag, {@code none} when the text said too little), so that
 * operators see how much of the feed is in each language, including the ones the rules do not read.
 */
public final class LanguageCountingOutput implements IngestOutput {

    static final String METER = "wirewatch.articles.by.language";

    private final IngestOutput delegate;
    private final MeterRegistry meterRegistry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public LanguageCountingOutput(IngestOutput delegate, MeterRegistry meterRegistry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    @Override
    public CompletableFuture<Void> publish(Article article) {
        CompletableFuture<Void> acknowledged = delegate.publish(article);
        String language = article.getLanguage() == null ? "none" : article.getLanguage();
        counters.computeIfAbsent(
                        language,
                        tag -> Counter.builder(METER)
                                .description("Articles published, by detected language")
                                .tag("service", "ingest")
                                .tag("language", tag)
                                .register(meterRegistry))
                .increment();
        return acknowledged;
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        delegate.deadLetter(deadLetter);
    }

    @Override
    public void flush() {
        delegate.flush();
    }
}
