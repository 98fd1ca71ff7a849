package io.wirewatch.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * What ingest did, as counters on {@code /metrics}, read from the pipeline's own tally so that they count exactly
 * what its summaries report: {@code wirewatch_ingest_articles_total} by {@code outcome} (every input is one of
 * {@code published}, {@code duplicate} or {@code rejected}: articles in are their sum, articles out the published),
 * and {@code wirewatch_ingest_near_duplicates_total}, the published articles marked as near-duplicates.
 */
public final class IngestMetrics {

    public static final String ARTICLES = "wirewatch.ingest.articles";
    public static final String NEAR_DUPLICATES = "wirewatch.ingest.near.duplicates";

    private IngestMetrics() {}

    /** Registers the counters of {@code pipeline} in {@code registry}. */
    public static void bind(IngestPipeline pipeline, MeterRegistry registry) {
        articles(pipeline, registry, "published", summary -> summary.published());
        articles(pipeline, registry, "duplicate", summary -> summary.duplicates());
        articles(pipeline, registry, "rejected", summary -> summary.rejected());
        FunctionCounter.builder(NEAR_DUPLICATES, pipeline, p -> p.totals().nearDuplicates())
                .description("Published articles marked as near-duplicates of an earlier one")
                .register(registry);
    }

    private static void articles(
            IngestPipeline pipeline, MeterRegistry registry, String outcome, ToDoubleFunction<IngestSummary> count) {
        FunctionCounter.builder(ARTICLES, pipeline, p -> count.applyAsDouble(p.totals()))
                .description("Articles received, by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
