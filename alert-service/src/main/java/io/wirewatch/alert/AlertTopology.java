package io.wirewatch.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.streams.AlertStreams;
import io.wirewatch.schema.Topics;
import org.apache.kafka.streams.Topology;

/**
 * The alert-service topology: consumes {@code articles.enriched}, finds new diplomatic actions and casualty spikes,
 * produces {@code Alert}s keyed by alert id to {@code alerts}, dead-letters undecodable input to
 * {@code articles.dlq}, and materialises the latest version of every alert in the store {@value #ALERTS_STORE}
 * (String alert id to {@code Alert}) for interactive queries. Pure: builds, starts nothing.
 *
 * <p>Data flow (processor and store names as in {@code topology.describe()}):
 * <pre>
 * articles.enriched (bytes) -> enriched-articles-decode -> dead letters | EnrichedArticle
 *   -> diplomatic-events-of-article -> repartition diplomatic-by-event (key: actor|family|target)
 *        -> diplomatic-novelty [diplomatic-events]
 *   -> casualty-places-of-article -> repartition casualties-by-place (key: place)
 *        -> casualty-spikes [casualty-days, place-baselines]
 *   -> alert-outcomes -> alerts-sink (alerts) | rule failures -> dead letters
 * alerts -> alerts-table-source [alerts-by-id] (the alerts topic is the store's changelog)
 * </pre>
 * Each share carries its upstream partition's progress in a header, and each shares processor broadcasts a progress
 * marker to every rule task once a week of its stream time: state expiry never passes the slowest upstream partition.
 */
public final class AlertTopology {

    /** Latest version of each alert, by alert id; the HTTP API queries it. */
    public static final String ALERTS_STORE = AlertStreams.ALERTS_STORE;
    /** {@code DiplomaticEventState} by {@code actor|family|target}. */
    public static final String DIPLOMATIC_EVENTS_STORE = AlertStreams.DIPLOMATIC_EVENTS_STORE;
    /** {@code CasualtyDayState} by {@code place|yyyy-mm-dd}. */
    public static final String CASUALTY_DAYS_STORE = AlertStreams.CASUALTY_DAYS_STORE;
    /** {@code PlaceHistory} by place. */
    public static final String PLACE_BASELINES_STORE = AlertStreams.PLACE_BASELINES_STORE;

    private AlertTopology() {}

    public static Topology build(AlertConfig config, Topics topics) {
        return build(config, topics, new SimpleMeterRegistry());
    }

    /** @param meterRegistry where the dead-letter counter is registered */
    public static Topology build(AlertConfig config, Topics topics, MeterRegistry meterRegistry) {
        return AlertStreams.build(config.rules(), topics, meterRegistry, config.streamsProperties());
    }

    /**
     * This topology with the rules replaced by identity functions: every enriched article passes once through each
     * processor, repartition topic, store and sink and comes out as one alert per rule stage. It raises nothing
     * useful; bench e2e runs it beside the real one to measure what the shape itself costs.
     */
    public static Topology buildPassThrough(AlertConfig config, Topics topics, MeterRegistry meterRegistry) {
        return AlertStreams.buildPassThrough(config.rules(), topics, meterRegistry, config.streamsProperties());
    }
}
