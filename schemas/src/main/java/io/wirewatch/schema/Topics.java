package io.wirewatch.schema;

import io.wirewatch.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every Wirewatch topic, its key and value types. Values are Avro in Confluent's wire format;
 * keys are UTF-8 strings (article id, alert id, diplomatic event, place). Built from the serde config
 * (schema.registry.url ...) and an optional name prefix, so that tests can give each run its own topics.
 *
 * <p>{@code articles.diplomatic-by-event} and {@code articles.casualties-by-place} carry the shares of each enriched
 * article that alert-service's rules keep state by: an {@code EnrichedArticle} cut down to one diplomatic event's
 * actions (key {@code actor|family|target}) or one place's death tolls and entity (key: the place), stamped with
 * the header {@code wirewatch-upstream-progress}. Now and then a progress marker (key {@code ~upstream-progress}, no
 * value) goes to every partition. enrich-service writes them in the same transaction as {@code articles.enriched},
 * keyed as the rules need, so alert-service reads them without a repartition of its own.
 */
public record Topics(
        Topic<String, Article> articlesRaw,
        Topic<String, EnrichedArticle> articlesEnriched,
        Topic<String, EnrichedArticle> diplomaticByEvent,
        Topic<String, EnrichedArticle> casualtiesByPlace,
        Topic<String, Alert> alerts,
        Topic<String, DeadLetter> deadLetters) {

    public static final String ARTICLES_RAW = "articles.raw";
    public static final String ARTICLES_ENRICHED = "articles.enriched";
    public static final String DIPLOMATIC_BY_EVENT = "articles.diplomatic-by-event";
    public static final String CASUALTIES_BY_PLACE = "articles.casualties-by-place";
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
                        prefix + DIPLOMATIC_BY_EVENT,
                        Serdes.String(),
                        SpecificAvroSerde.configured(EnrichedArticle.class, serdeConfig, false)),
                new Topic<>(
                        prefix + CASUALTIES_BY_PLACE,
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
        return List.of(articlesRaw, articlesEnriched, diplomaticByEvent, casualtiesByPlace, alerts, deadLetters);
    }
}
