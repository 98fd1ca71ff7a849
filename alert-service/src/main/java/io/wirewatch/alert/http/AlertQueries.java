package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the latest version of every alert: what {@code GET /alerts}, {@code GET /alerts/{id}} and the replay
 * at the start of an SSE stream serve. Implemented by {@link StoreAlertQueries} over the Kafka Streams store (and, for
 * the tests, by an in-memory map).
 */
public interface AlertQueries {

    /**
     * Every alert, latest version of each, in no particular order.
     *
     * @throws AlertsUnavailableException when the alerts cannot be read right now (store rebalancing or restoring)
     */
    Collection<Alert> all();

    /**
     * The latest version of one alert.
     *
     * @throws AlertsUnavailableException when the alerts cannot be read right now
     */
    Optional<Alert> byId(String id);

    /** The alerts that pass the filter, newest {@code lastUpdated} first, at most {@code filter.limit()}. */
    default List<Alert> find(AlertFilter filter) {
        return filter.apply(all());
    }
}
