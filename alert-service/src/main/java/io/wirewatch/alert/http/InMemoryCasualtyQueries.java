package io.wirewatch.alert.http;

import io.wirewatch.alert.rules.CasualtyDayState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Casualty day states held in a map, latest state per place and day: serves {@code GET /casualties} in tests and in
 * tools without a Kafka Streams store.
 */
public final class InMemoryCasualtyQueries implements CasualtyQueries {

    private final Map<String, CasualtyDayState> days = new ConcurrentHashMap<>();
    private final int baselineDays;

    public InMemoryCasualtyQueries(int baselineDays) {
        this.baselineDays = baselineDays;
    }

    /** Records the state of one place and day, replacing the one held. */
    public void put(CasualtyDayState state) {
        days.put(state.place() + "|" + state.day(), state);
    }

    @Override
    public PlaceFigures figuresOf(String place) {
        return PlaceFigures.of(place, List.copyOf(days.values()), baselineDays);
    }
}
