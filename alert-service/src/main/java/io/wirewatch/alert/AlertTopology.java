package io.wirewatch.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.streams.AlertStreams;
import io.wirewatch.schema.Topics;
import org.apache.kafka.streams.Topology;

/**
 * The alert-service topology: consumes the shares enrich-service cuts each enriched article into, keyed by what the
 * rules keep state under ({@code articles.diplomatic-by-event}, {@code articles.casualties-by-place}), finds new
 * diplomatic actions and casualty spikes,
 * produces {@code Alert}s keyed by alert id to {@code alerts}, dead-letters undecodable input to
 * {@code articles.dlq}, and materialises the latest version of every alert in the store {@value #ALERTS_STORE}
 * (String alert id to {@code Alert}) for interactive queries. Pure: builds, starts nothing.
 *
 * <p>Data flow (processor and store names as in {@code topology.describe()}):
 * <pre>
 * articles.diplomatic-by-event (bytes, key actor|family|target) -> diplomatic-shares-decode -> dead letters | share
 *   (+ progress markers, diplomatic-shares-marker) -> diplomatic-novelty [diplomatic-events]
 * articles.casualties-by-place (bytes, key place) -> casualty-shares-decode -> dead letters | share
 *   (+ progress markers, casualty-shares-marker) -> casualty-spikes [casualty-days, place-baselines]
 *   -> alert-outcomes -> alerts-sink (alerts) | rule failures -> dead letters
 * alerts -> alerts-table-source [alerts-by-id] (the alerts topic is the store's changelog)
 * </pre>
 * Both shares topics are read by one sub-topology, partition by partition, with no repartition: enrich-service keyed
 * them as the stores are keyed, in the transaction that enriched the article. Each share carries its upstream
 * partition's progress in a header, and enrich-service broadcasts a progress marker to every rule task once a week of
 * its stream time: state expiry never passes the slowest upstream partition.
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
     * This topology with the rules replaced by identity functions: every share passes once through each processor,
     * store and sink and comes out as one alert (enrich-service's pass-through sends one share per article to each
     * shares topic, so one alert per article and rule stage). It raises nothing useful; bench e2e runs it beside the
     * real one to measure what the shape itself costs.
     */
    public static Topology buildPassThrough(AlertConfig config, Topics topics, MeterRegistry meterRegistry) {
        return AlertStreams.buildPassThrough(config.rules(), topics, meterRegistry, config.streamsProperties());
    }
}
