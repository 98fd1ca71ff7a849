package io.wirewatch.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DeadLetters;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * enrich-service's topology: consumes {@code articles.raw} ({@link Article}), runs the extractor on each article and
 * produces {@code articles.enriched} ({@link EnrichedArticle}) under the same key (the article id) and the same record
 * timestamp (the article's event time). Records that do not decode as an Article, and articles whose extraction
 * throws, go to {@code articles.dlq} as {@link DeadLetter}s in the same transaction; the stream goes on. Stateless.
 */
public final class EnrichTopology {

    /** The service name written into dead letters and metric tags. */
    public static final String SERVICE = "enrich";

    static final String SOURCE = "articles-raw-source";
    static final String ENRICH = "enrich-articles";
    static final String KEY_BY_ID = "key-by-article-id";
    static final String SINK = "articles-enriched-sink";

    private EnrichTopology() {}

    /** With a fresh extractor, a private meter registry and the system clock. */
    public static Topology build(EnrichConfig config, Topics topics) {
        return build(config, topics, new ArticleExtractor());
    }

    public static Topology build(EnrichConfig config, Topics topics, ArticleExtractor extractor) {
        return build(config, topics, new ArticleEnricher(extractor), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /**
     * @param meterRegistry where the dead-letter counter is registered
     * @param clock         stamps dead letters' {@code failedAt}
     */
    public static Topology build(
            EnrichConfig config, Topics topics, ArticleEnricher enricher, MeterRegistry meterRegistry, Clock clock) {
        Topic<String, DeadLetter> deadLetterTopic = topics.deadLetters();
        DeadLetterRouter<DeadLetter> deadLetters = DeadLetterRouter.builder(
                        SERVICE,
                        deadLetterTopic.name(),
                        deadLetterTopic.valueSerde(),
                        failure -> DeadLetters.fromFailedRecord(failure, config.deadLetterMaxBytes()))
                .meterRegistry(meterRegistry)
                .clock(clock)
                .build();

        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, Article> articles = topics.articlesRaw();
        KStream<String, byte[]> raw = builder.stream(articles.name(), DeadLetterRouter.consumed(SOURCE));
        ArticleLanguages languages = new ArticleLanguages(meterRegistry);
        KStream<String, EnrichedArticle> enriched = deadLetters.decodeAndProcess(
                raw,
                articles.valueSerde().deserializer(),
                (key, article) -> languages.count(article, enricher.enrich(article)),
                ENRICH);
        Topic<String, EnrichedArticle> output = topics.articlesEnriched();
        // Ingest keys articles by id already; keying by the value's id makes that a guarantee rather than an
        // assumption. Nothing stateful follows, so this adds no repartition topic.
        enriched.selectKey((key, article) -> article.getArticleId(), Named.as(KEY_BY_ID))
                .to(
                        output.name(),
                        Produced.with(output.keySerde(), output.valueSerde()).withName(SINK));
        return builder.build();
    }
}
