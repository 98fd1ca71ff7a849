package io.wirewatch.alert.http;

import io.wirewatch.schema.Alert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the Kafka Streams key-value store {@value #STORE_NAME} (alert id to latest
 * {@link Alert}) of the alert topology. Reads the partitions this instance hosts; with one alert-service instance
 * that is every alert. While Streams is starting, rebalancing or restoring the store, reads fail with
 * {@link AlertsUnavailableException}, which the HTTP layer answers with 503 and Retry-After.
 */
public final class StoreAlertQueries implements AlertQueries {

    /** The store name the alert topology materialises. */
    public static final String STORE_NAME = "alerts-by-id";

    private final Supplier<ReadOnlyKeyValueStore<String, Alert>> store;

    /** Queries over whatever store the supplier returns; the supplier may throw {@link InvalidStateStoreException}. */
    public StoreAlertQueries(Supplier<ReadOnlyKeyValueStore<String, Alert>> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Queries over the {@value #STORE_NAME} store of a (started) Kafka Streams instance. */
    public static StoreAlertQueries of(KafkaStreams streams) {
        return of(streams, STORE_NAME);
    }

    /** Queries over the named store of a (started) Kafka Streams instance. */
    public static StoreAlertQueries of(KafkaStreams streams, String storeName) {
        Objects.requireNonNull(streams, "streams");
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Alert>> parameters =
                StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore());
        // The store handle is looked up per request: a handle taken before a rebalance goes stale after it.
        return new StoreAlertQueries(() -> streams.store(parameters));
    }

    @Override
    public Collection<Alert> all() {
        try (KeyValueIterator<String, Alert> iterator = store.get().all()) {
            List<Alert> alerts = new ArrayList<>();
            while (iterator.hasNext()) {
                KeyValue<String, Alert> entry = iterator.next();
                if (entry.value != null) {
                    alerts.add(entry.value);
                }
            }
            return alerts;
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Alert> byId(String id) {
        try {
            return Optional.ofNullable(store.get().get(id));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private static AlertsUnavailableException unavailable(InvalidStateStoreException e) {
        return new AlertsUnavailableException(
                "Alert store not queryable right now (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                e);
    }
}
