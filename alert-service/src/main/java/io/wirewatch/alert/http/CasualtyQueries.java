package io.wirewatch.alert.http;

/**
 * Read access to the death tolls reported for a place, day by day: what {@code GET /casualties?place=} serves to the
 * dashboard's timeline. Implementations: {@link StoreCasualtyQueries} over the alert topology's {@code casualty-days}
 * store, {@link InMemoryCasualtyQueries} for tests and tools.
 */
public interface CasualtyQueries {

    /**
     * Every day {@code place} has reports for, oldest first; no days when it has none.
     *
     * @param place the place as alerts name it ({@code Alert.place}), compared exactly
     * @throws AlertsUnavailableException when the store cannot be read right now (rebalancing or restoring)
     */
    PlaceFigures figuresOf(String place);
}
