package io.wirewatch.alert.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtySpikeDetector;
import io.wirewatch.alert.rules.DiplomaticEventKey;
import io.wirewatch.alert.rules.DiplomaticEventState;
import io.wirewatch.alert.rules.DiplomaticNovelty;
import io.wirewatch.alert.rules.PlaceHistory;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.platform.streams.Decoded;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DeadLetters;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires the alert rules into a Kafka Streams topology (see {@link AlertTopology} for the picture). Kafka code only
 * moves records here: deciding what is an alert is the rules' job.
 */
public final class AlertStreams {

    /** The counter of alert versions produced: {@code wirewatch_alerts_total} on {@code /metrics}. */
    public static final String ALERTS_METER = "wirewatch.alerts";

    private AlertStreams() {
    }

    public static Topology build(RuleSettings settings, Topics topics, MeterRegistry meterRegistry) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, EnrichedArticle> enriched = topics.articlesEnriched();
        Topic<String, Alert> alerts = topics.alerts();
        Topic<String, DeadLetter> deadLetters = topics.deadLetters();
        DeadLetterRouter<DeadLetter> router = DeadLetterRouter
                .builder(RuleFailures.SERVICE, deadLetters.name(), deadLetters.valueSerde(),
                        failure -> DeadLetters.fromFailedRecord(failure, DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES))
                .meterRegistry(meterRegistry)
                .build();
        RuleFailures failures = new RuleFailures(enriched.valueSerde().serializer());

        KStream<String, EnrichedArticle> articles = router.decode(
                builder.stream(enriched.name(), DeadLetterRouter.consumed("enriched-articles-source")),
                enriched.valueSerde().deserializer(), "enriched-articles");

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertTopology.DIPLOMATIC_EVENTS_STORE),
                Serdes.String(), new JsonSerde<>(DiplomaticEventState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertTopology.CASUALTY_DAYS_STORE),
                Serdes.String(), new JsonSerde<>(CasualtyDayState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertTopology.PLACE_BASELINES_STORE),
                Serdes.String(), new JsonSerde<>(PlaceHistory.class)));

        DiplomaticNovelty novelty = new DiplomaticNovelty(settings);
        KStream<String, Decoded<Alert>> diplomatic = articles
                .flatMap((id, article) -> perDiplomaticEvent(article), Named.as("diplomatic-events-of-article"))
                .repartition(Repartitioned.<String, EnrichedArticle>as("diplomatic-by-event")
                        .withKeySerde(Serdes.String()).withValueSerde(enriched.valueSerde()))
                .process(() -> new DiplomaticNoveltyProcessor(novelty, AlertTopology.DIPLOMATIC_EVENTS_STORE, failures),
                        Named.as("diplomatic-novelty"), AlertTopology.DIPLOMATIC_EVENTS_STORE);

        CasualtySpikeDetector detector = new CasualtySpikeDetector(settings);
        KStream<String, Decoded<Alert>> casualties = articles
                .flatMap((id, article) -> perPlace(article), Named.as("casualty-places-of-article"))
                .repartition(Repartitioned.<String, EnrichedArticle>as("casualties-by-place")
                        .withKeySerde(Serdes.String()).withValueSerde(enriched.valueSerde()))
                .process(() -> new CasualtySpikeProcessor(detector, AlertTopology.CASUALTY_DAYS_STORE,
                                AlertTopology.PLACE_BASELINES_STORE, failures),
                        Named.as("casualty-spikes"), AlertTopology.CASUALTY_DAYS_STORE, AlertTopology.PLACE_BASELINES_STORE);

        Map<String, KStream<String, Decoded<Alert>>> outcomes = diplomatic
                .merge(casualties, Named.as("alert-outcomes"))
                .split(Named.as("alert-outcome-"))
                .branch((key, outcome) -> outcome.isSuccess(), Branched.as("ok"))
                .defaultBranch(Branched.as("failed"));
        router.sendToDeadLetters(outcomes.get("alert-outcome-failed")
                .mapValues(outcome -> ((Decoded.Failure<Alert>) outcome).failure(), Named.as("alert-rule-failure")),
                "alert-rules");
        outcomes.get("alert-outcome-ok")
                .mapValues(outcome -> ((Decoded.Success<Alert>) outcome).value(), Named.as("alert-value"))
                .peek((id, alert) -> countAlert(meterRegistry, alert), Named.as("alerts-counted"))
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));

        // Read back from the alerts topic rather than materialising the stream above: the topic is partitioned by
        // alert id, so interactive queries can find the instance that holds an id with the default partitioner.
        builder.table(alerts.name(),
                Consumed.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-table-source"),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(AlertTopology.ALERTS_STORE)
                        .withKeySerde(alerts.keySerde()).withValueSerde(alerts.valueSerde()));
        return builder.build();
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

    /** One record per diplomatic event the article reports, keyed by the event, carrying only its actions. */
    static List<KeyValue<String, EnrichedArticle>> perDiplomaticEvent(EnrichedArticle article) {
        // One pass: the key of each action is worked out once, not once per event of the article.
        Map<DiplomaticEventKey, List<DiplomaticAction>> actionsByEvent = new LinkedHashMap<>();
        for (DiplomaticAction action : article.getDiplomaticActions()) {
            DiplomaticNovelty.eventKeyOf(action).ifPresent(key ->
                    actionsByEvent.computeIfAbsent(key, k -> new ArrayList<>()).add(action));
        }
        List<KeyValue<String, EnrichedArticle>> records = new ArrayList<>();
        actionsByEvent.forEach((key, actions) -> {
            EnrichedArticle slice = slimmed(article);
            slice.setDiplomaticActions(actions);
            records.add(KeyValue.pair(key.asString(), slice));
        });
        return records;
    }

    /** One record per place the article gives death tolls for, keyed by the place, carrying only its figures and entity. */
    static List<KeyValue<String, EnrichedArticle>> perPlace(EnrichedArticle article) {
        List<KeyValue<String, EnrichedArticle>> records = new ArrayList<>();
        for (String place : CasualtySpikeDetector.places(article)) {
            EnrichedArticle slice = slimmed(article);
            slice.setCasualtyFigures(article.getCasualtyFigures().stream()
                    .filter(figure -> CasualtySpikeDetector.placeOf(figure).map(place::equals).orElse(false))
                    .toList());
            // The place's own entity travels with its figures: it says which state the place lies in.
            slice.setEntities(article.getEntities().stream()
                    .filter(entity -> place.equalsIgnoreCase(entity.getCanonicalName()))
                    .toList());
            records.add(KeyValue.pair(place, slice));
        }
        return records;
    }

    /** The article's metadata without its extractions: what is repartitioned, with one event's or place's share. */
    private static EnrichedArticle slimmed(EnrichedArticle article) {
        return EnrichedArticle.newBuilder()
                .setArticleId(article.getArticleId())
                .setUrl(article.getUrl())
                .setOutlet(article.getOutlet())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setIngestedAt(article.getIngestedAt())
                .setEnrichedAt(article.getEnrichedAt())
                .setExtractorVersion(article.getExtractorVersion())
                .setEntities(List.of())
                .setClaims(List.of())
                .setDiplomaticActions(List.of())
                .setCasualtyFigures(List.of())
                .build();
    }
}
