package io.wirewatch.alert.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtySpikeDetector;
import io.wirewatch.alert.rules.DiplomaticEventState;
import io.wirewatch.alert.rules.DiplomaticNovelty;
import io.wirewatch.alert.rules.PlaceHistory;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.alert.rules.StateExpiry;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DeadLetters;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Wires the alert rules into a Kafka Streams topology (see {@code io.wirewatch.alert.AlertTopology}, the service's
 * entry to it, for the picture). Kafka code only moves records here: deciding what is an alert is the rules' job.
 * It names the stores it builds; {@code AlertTopology} passes the names on, so the two depend one way.
 */
public final class AlertStreams {

    /** The counter of alert versions produced: {@code wirewatch_alerts_total} on {@code /metrics}. */
    public static final String ALERTS_METER = "wirewatch.alerts";

    /** Latest version of each alert, by alert id; the HTTP API queries it. */
    public static final String ALERTS_STORE = "alerts-by-id";
    /** {@code DiplomaticEventState} by {@code actor|family|target}. */
    public static final String DIPLOMATIC_EVENTS_STORE = "diplomatic-events";
    /** {@code CasualtyDayState} by {@code place|yyyy-mm-dd}. */
    public static final String CASUALTY_DAYS_STORE = "casualty-days";
    /** {@code PlaceHistory} by place. */
    public static final String PLACE_BASELINES_STORE = "place-baselines";

    /**
     * Parts of an enriched article no rule reads: its claims, and each entity's aliases and mentions (each mention
     * carries its whole sentence: about 14 KB of an 18 KB record). They are stepped over undecoded; the record on the
     * topic and every other consumer keep them.
     */
    static final Set<String> UNREAD_FIELDS = Set.of(
            EnrichedArticle.SCHEMA$.getFullName() + ".claims",
            Entity.SCHEMA$.getFullName() + ".aliases",
            Entity.SCHEMA$.getFullName() + ".mentions");

    private AlertStreams() {}

    /**
     * The alert topology with the rules of {@code settings}.
     *
     * @param streamsProperties the service's Streams configuration, for the topology optimisations it names
     *                          ({@code topology.optimization})
     */
    public static Topology build(
            RuleSettings settings, Topics topics, MeterRegistry meterRegistry, Properties streamsProperties) {
        RuleFailures failures =
                new RuleFailures(topics.articlesEnriched().valueSerde().serializer());
        return build(topics, meterRegistry, ruleStages(settings, failures), streamsProperties);
    }

    /**
     * The same topology with every rule replaced by an identity function ({@link RuleStage#passThrough()}): each
     * share (enrich-service's pass-through sends one per article to each shares topic) goes once through every node
     * and store of the real topology and comes out as one alert. What the shape costs whatever the rules compute; bench e2e measures the pipeline
     * against it.
     */
    public static Topology buildPassThrough(
            RuleSettings settings, Topics topics, MeterRegistry meterRegistry, Properties streamsProperties) {
        RuleFailures failures =
                new RuleFailures(topics.articlesEnriched().valueSerde().serializer());
        return build(
                topics,
                meterRegistry,
                ruleStages(settings, failures).stream()
                        .map(RuleStage::passThrough)
                        .toList(),
                streamsProperties);
    }

    /** The rule stages: diplomatic novelty by event, casualty spikes by place. */
    static List<RuleStage> ruleStages(RuleSettings settings, RuleFailures failures) {
        DiplomaticNovelty novelty = new DiplomaticNovelty(settings);
        CasualtySpikeDetector detector = new CasualtySpikeDetector(settings);
        StateExpiry expiry = StateExpiry.of(settings);
        return List.of(
                new RuleStage(
                        Topics::diplomaticByEvent,
                        "diplomatic-shares",
                        "diplomatic-novelty",
                        () -> new DiplomaticNoveltyProcessor(novelty, expiry, DIPLOMATIC_EVENTS_STORE, failures),
                        List.of(jsonStore(DIPLOMATIC_EVENTS_STORE, DiplomaticEventState.class))),
                new RuleStage(
                        Topics::casualtiesByPlace,
                        "casualty-shares",
                        "casualty-spikes",
                        () -> new CasualtySpikeProcessor(
                                detector, expiry, CASUALTY_DAYS_STORE, PLACE_BASELINES_STORE, failures),
                        List.of(
                                jsonStore(CASUALTY_DAYS_STORE, CasualtyDayState.class),
                                jsonStore(PLACE_BASELINES_STORE, PlaceHistory.class))));
    }

    private static <T> StoreBuilder<TimestampedKeyValueStore<String, T>> jsonStore(String name, Class<T> type) {
        return ruleStore(name, new JsonSerde<>(type));
    }

    /**
     * Topic configuration of the rule stores' changelogs (compacted, as Streams makes every changelog), applied when
     * Streams creates them. The log cleaner never touches a partition's active segment, and by default a segment rolls
     * only at 1 GiB or after 7 days: a rule changelog written a few KB a second kept every overwritten value and every
     * tombstone of the expiry sweeps in its active segment, so a restore on an empty disk read the whole history of
     * writes. Rolling every hour or 64 MiB lets compaction keep about the latest value per key (tombstones stay for
     * {@code delete.retention.ms}, a day). Changelogs created before keep their settings: alter them with
     * {@code kafka-configs --alter --add-config segment.ms=3600000,segment.bytes=67108864}.
     */
    public static final Map<String, String> RULE_CHANGELOG_CONFIG = Map.of(
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()),
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));

    /**
     * A rule's state store: persistent, logged (with {@link #RULE_CHANGELOG_CONFIG}), and cached, so that an event or day updated by several articles
     * between two commits is written to RocksDB and its changelog once per commit rather than once per article.
     * Timestamped: each entry carries the stream time it was last written at, which is what lets it expire
     * ({@link StateSweeper}). A store written before as a plain key-value store is read on (its old entries carry no
     * time until they are written again).
     */
    static <T> StoreBuilder<TimestampedKeyValueStore<String, T>> ruleStore(String name, Serde<T> valueSerde) {
        return Stores.timestampedKeyValueStoreBuilder(
                        Stores.persistentTimestampedKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled()
                .withLoggingEnabled(RULE_CHANGELOG_CONFIG);
    }

    private static Topology build(
            Topics topics, MeterRegistry meterRegistry, List<RuleStage> stages, Properties streamsProperties) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, Alert> alerts = topics.alerts();
        Topic<String, DeadLetter> deadLetters = topics.deadLetters();
        DeadLetterRouter<DeadLetter> router = DeadLetterRouter.builder(
                        RuleFailures.SERVICE,
                        deadLetters.name(),
                        deadLetters.valueSerde(),
                        failure -> DeadLetters.fromFailedRecord(failure, DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES))
                .meterRegistry(meterRegistry)
                .build();

        KStream<String, Decoded<Alert>> outcomes = null;
        int merged = 0;
        for (RuleStage stage : stages) {
            stage.stores().forEach(builder::addStateStore);
            Topic<String, EnrichedArticle> input = stage.input().apply(topics);
            KStream<String, Decoded<Alert>> stageOutcomes = shares(builder, router, input, stage.sharesName())
                    .process(
                            stage.processor(),
                            Named.as(stage.processorName()),
                            stage.stores().stream().map(StoreBuilder::name).toArray(String[]::new));
            outcomes = outcomes == null
                    ? stageOutcomes
                    : outcomes.merge(
                            stageOutcomes, Named.as(merged++ == 0 ? "alert-outcomes" : "alert-outcomes-" + merged));
        }

        Map<String, KStream<String, Decoded<Alert>>> branches = outcomes.split(Named.as("alert-outcome-"))
                .branch((key, outcome) -> outcome.isSuccess(), Branched.as("ok"))
                .defaultBranch(Branched.as("failed"));
        router.sendToDeadLetters(
                branches.get("alert-outcome-failed")
                        .mapValues(
                                outcome -> ((Decoded.Failure<Alert>) outcome).failure(),
                                Named.as("alert-rule-failure")),
                "alert-rules");
        branches.get("alert-outcome-ok")
                .mapValues(outcome -> ((Decoded.Success<Alert>) outcome).value(), Named.as("alert-value"))
                .peek((id, alert) -> countAlert(meterRegistry, alert), Named.as("alerts-counted"))
                .to(
                        alerts.name(),
                        Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));

        // Read back from the alerts topic rather than materialising the stream above: the topic is partitioned by
        // alert id, so interactive queries can find the instance that holds an id with the default partitioner. With
        // topology.optimization=reuse.ktable.source.topics (AlertConfig's default) the alerts topic is also the
        // store's changelog, so each alert version is written once rather than to alerts and a changelog.
        builder.table(
                alerts.name(),
                Consumed.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-table-source"),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(ALERTS_STORE)
                        .withKeySerde(alerts.keySerde())
                        .withValueSerde(alerts.valueSerde()));
        return builder.build(streamsProperties);
    }

    /**
     * The shares on {@code input} as enrich-service keyed them, read as they are: decoded (what does not decode is a
     * dead letter), with the progress markers passed on as records without a value, in the order of the topic, for
     * the rule processor to observe and skip (a marker is no tombstone to dead-letter).
     */
    private static KStream<String, EnrichedArticle> shares(
            StreamsBuilder builder,
            DeadLetterRouter<DeadLetter> router,
            Topic<String, EnrichedArticle> input,
            String name) {
        Map<String, KStream<String, byte[]>> parts = builder.stream(
                        input.name(), DeadLetterRouter.consumed(name + "-source"))
                .split(Named.as(name + "-split-"))
                .branch((key, value) -> UpstreamProgressHeader.isMarker(key, value), Branched.as("markers"))
                .defaultBranch(Branched.as("records"));
        KStream<String, EnrichedArticle> markers = parts.get(name + "-split-markers")
                .mapValues(marker -> (EnrichedArticle) null, Named.as(name + "-marker"));
        return router.decode(parts.get(name + "-split-records"), articleReader(input.valueSerde()), name)
                .merge(markers, Named.as(name + "-and-markers"));
    }

    /** Reads enriched articles without the {@link #UNREAD_FIELDS} when the serde is the project's Avro serde. */
    public static Deserializer<EnrichedArticle> articleReader(Serde<EnrichedArticle> serde) {
        return serde instanceof SpecificAvroSerde<EnrichedArticle> avro
                ? avro.deserializerSkipping(UNREAD_FIELDS)
                : serde.deserializer();
    }

    /**
     * Counts an alert version as {@value #ALERTS_METER} by type and status. Counted when produced: a transaction that
     * aborts and is replayed counts its alerts twice, so the count can run slightly above what the topic holds.
     */
    private static void countAlert(MeterRegistry meterRegistry, Alert alert) {
        Counter.builder(ALERTS_METER)
                .description("Alert versions produced, by type and status (NEW or UPDATE)")
                .tag("type", alert.getType().name())
                .tag("status", alert.getStatus().name())
                .register(meterRegistry)
                .increment();
    }
}
