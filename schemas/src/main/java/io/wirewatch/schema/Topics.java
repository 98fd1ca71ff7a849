package io.wirewatch.schema;

import io.wirewatch.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every Wirewatch topic, its key and value types. Values are Avro in Confluent's wire format;
 * keys are UTF-8 strings (article id, alert id). Built from the serde config (schema.registry.url ...) and an
 * optional name prefix, so that tests can give each run its own topics.
 */
public record Topics(
        Topic<String, Article> articlesRaw,
        Topic<String, EnrichedArticle> articlesEnriched,
        Topic<String, Alert> alerts,
        Topic<String, DeadLetter> deadLetters) {

    public static final String ARTICLES_RAW = "articles.raw";
    public static final String ARTICLES_ENRICHED = "articles.enriched";
    public static final String ALERTS = "alerts";
    public static final String DEAD_LETTERS = "articles.dlq";

    /**
     * Topic-level configs every Wirewatch topic is created with. Record timestamps are event time (publication
     * time), so a replayed archive is older than any time-based retention and the broker would delete it at its next
     * check; ingest's dedup also rebuilds from articles.raw. Retention is therefore never by time.
     */
    public static final Map<String, String> TOPIC_CONFIGS = Map.of("retention.ms", "-1");

    /** The standard topic names. */
    public static Topics create(Map<String, ?> serdeConfig) {
        return create(serdeConfig, "");
    }

    /** Topic names with {@code prefix} in front of each standard name. */
    public static Topics create(Map<String, ?> serdeConfig, String prefix) {
        return new Topics(
                new Topic<>(
                        prefix + ARTICLES_RAW,
                        Serdes.String(),
                        SpecificAvroSerde.configured(Article.class, serdeConfig, false)),
                new Topic<>(
                        prefix + ARTICLES_ENRICHED,
                        Serdes.String(),
                        SpecificAvroSerde.configured(EnrichedArticle.class, serdeConfig, false)),
                new Topic<>(
                        prefix + ALERTS,
                        Serdes.String(),
                        SpecificAvroSerde.configured(Alert.class, serdeConfig, false)),
                new Topic<>(
                        prefix + DEAD_LETTERS,
                        Serdes.String(),
                        SpecificAvroSerde.configured(DeadLetter.class, serdeConfig, false)));
    }

    /** Every topic, for creating them up front. */
    public List<Topic<String, ?>> all() {
        return List.of(articlesRaw, articlesEnriched, alerts, deadLetters);
    }
}
