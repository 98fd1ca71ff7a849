package io.wirewatch.alert.http;

import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.rules.CasualtyDayState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the alert topology's {@link AlertTopology#CASUALTY_DAYS_STORE} store ({@code place|day} to
 * {@link CasualtyDayState}): one prefix scan per place. Reads the partitions this instance hosts, as
 * {@link StoreAlertQueries} does; while Streams is starting, rebalancing or restoring, reads fail with
 * {@link AlertsUnavailableException} (503 and Retry-After).
 */
public final class StoreCasualtyQueries implements CasualtyQueries {

    private final Supplier<ReadOnlyKeyValueStore<String, CasualtyDayState>> days;
    private final int baselineDays;

    /**
     * @param days         the store, looked up per call (a handle taken before a rebalance goes stale after it); may
     *                     throw {@link InvalidStateStoreException}
     * @param baselineDays the spike rule's baseline length, for each day's trailing baseline
     */
    public StoreCasualtyQueries(Supplier<ReadOnlyKeyValueStore<String, CasualtyDayState>> days, int baselineDays) {
        this.days = Objects.requireNonNull(days, "days");
        this.baselineDays = baselineDays;
    }

    @Override
    public PlaceFigures figuresOf(String place) {
        List<CasualtyDayState> states = new ArrayList<>();
        // Keys are "place|yyyy-mm-dd": the place's days share the prefix "place|" and no other place's do.
        try (KeyValueIterator<String, CasualtyDayState> iterator =
                days.get().prefixScan(place + "|", new StringSerializer())) {
            while (iterator.hasNext()) {
                KeyValue<String, CasualtyDayState> entry = iterator.next();
                if (entry.value != null) {
                    states.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new AlertsUnavailableException(
                    "Casualty store not queryable right now (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + ")",
                    e);
        }
        return PlaceFigures.of(place, states, baselineDays);
    }
}
