package io.wirewatch.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.rules.Shares;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.enrich.extract.Extraction;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DeadLetters;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
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
 *
 * <p>In the same transaction it cuts each enriched article into the shares alert-service's rules keep state by
 * ({@link Shares}) and writes them keyed by event to {@code articles.diplomatic-by-event} and by place to
 * {@code articles.casualties-by-place}, each stamped with its upstream partition's progress ({@link SharesProcessor},
 * {@link ProgressPartitioner}). alert-service's rule tasks read them as they are: an exactly-once hop (a commit
 * interval, a commit and a fetch) less between an article and its alert than when alert-service re-keyed
 * {@code articles.enriched} through repartition topics of its own.
 * <pre>
 * articles.raw (bytes) -> enrich-articles-decode -> dead letters | Article -> enrich-articles -> EnrichedArticle
 *   -> key-by-article-id -> articles-enriched-sink (articles.enriched)
 *   -> diplomatic-events-of-article -> diplomatic-by-event-sink (articles.diplomatic-by-event, key actor|family|target)
 *   -> casualty-places-of-article -> casualties-by-place-sink (articles.casualties-by-place, key place)
 * </pre>
 */
public final class EnrichTopology {

    /** The service name written into dead letters and metric tags. */
    public static final String SERVICE = "enrich";

    static final String SOURCE = "articles-raw-source";
    static final String ENRICH = "enrich-articles";
    static final String KEY_BY_ID = "key-by-article-id";
    static final String SINK = "articles-enriched-sink";

    /**
     * How an article is cut for each shares topic: {@link #RULE_SHARES} for the rules, {@link #IDENTITY_SHARES} for the
     * pass-through that measures the topology's shape.
     *
     * @param diplomatic the shares for {@code articles.diplomatic-by-event}
     * @param casualties the shares for {@code articles.casualties-by-place}
     */
    public record ShareCuts(
            Function<EnrichedArticle, List<Shares.Share>> diplomatic,
            Function<EnrichedArticle, List<Shares.Share>> casualties) {}

    /** The rules' shares: one per diplomatic event, one per place with death tolls. */
    public static final ShareCuts RULE_SHARES = new ShareCuts(Shares::perDiplomaticEvent, Shares::perPlace);

    /**
     * One share per article on each topic, keyed by the article id and carrying its metadata ({@link
     * Shares#metadataOf}): the shape of the rules' shares whatever the extractor found.
     */
    public static final ShareCuts IDENTITY_SHARES = new ShareCuts(
            article -> List.of(new Shares.Share(article.getArticleId(), Shares.metadataOf(article))),
            article -> List.of(new Shares.Share(article.getArticleId(), Shares.metadataOf(article))));

    /** An extractor that finds nothing: what bench e2e's pass-through enriches with. */
    static final ArticleEnricher IDENTITY_ENRICHER = new ArticleEnricher(
            (text, publishedAt, outlet, language) -> new Extraction(List.of(), List.of(), List.of(), List.of()),
            "identity",
            Clock.systemUTC());

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
        return build(config, topics, enricher, RULE_SHARES, meterRegistry, clock);
    }

    /**
     * This topology with an extractor that finds nothing and {@link #IDENTITY_SHARES}: every article passes through
     * each node and topic of the real one. bench e2e runs it beside the real one to measure what the shape costs.
     */
    public static Topology buildPassThrough(EnrichConfig config, Topics topics, MeterRegistry meterRegistry) {
        return build(config, topics, IDENTITY_ENRICHER, IDENTITY_SHARES, meterRegistry, Clock.systemUTC());
    }

    private static Topology build(
            EnrichConfig config,
            Topics topics,
            ArticleEnricher enricher,
            ShareCuts shares,
            MeterRegistry meterRegistry,
            Clock clock) {
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
        KStream<String, EnrichedArticle> byId =
                enriched.selectKey((key, article) -> article.getArticleId(), Named.as(KEY_BY_ID));
        byId.to(
                output.name(),
                Produced.with(output.keySerde(), output.valueSerde()).withName(SINK));
        // A processor rather than flatMap: each share carries its upstream partition's progress in a header, which
        // alert's state expiry measures against, and the processor sends the progress markers.
        emitShares(
                byId,
                shares.diplomatic(),
                topics.diplomaticByEvent(),
                "diplomatic-events-of-article",
                "diplomatic-by-event-sink");
        emitShares(
                byId,
                shares.casualties(),
                topics.casualtiesByPlace(),
                "casualty-places-of-article",
                "casualties-by-place-sink");
        return builder.build();
    }

    private static void emitShares(
            KStream<String, EnrichedArticle> articles,
            Function<EnrichedArticle, List<Shares.Share>> cut,
            Topic<String, EnrichedArticle> topic,
            String processorName,
            String sinkName) {
        articles.process(() -> new SharesProcessor(cut), Named.as(processorName))
                .to(
                        topic.name(),
                        Produced.with(topic.keySerde(), topic.valueSerde())
                                .withStreamPartitioner(new ProgressPartitioner())
                                .withName(sinkName));
    }
}
