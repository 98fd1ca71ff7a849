package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alert.EnrichedSeeds;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtySpikeDetector;
import io.wirewatch.alert.rules.DiplomaticEventKey;
import io.wirewatch.alert.rules.DiplomaticEventState;
import io.wirewatch.alert.rules.DiplomaticNovelty;
import io.wirewatch.alert.rules.PlaceHistory;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The state the alert rules keep must come back from a changelog exactly as it was written. */
class JsonSerdeTest {

    private static final Instant NOW = Instant.parse("2012-02-07T12:00:00Z");

    @Test
    void shouldRestoreDiplomaticEventStateExactly() {
        // Given the GCC event's state after the BBC report
        EnrichedArticle bbc = EnrichedSeeds.bbc();
        DiplomaticEventKey gcc = DiplomaticNovelty.eventKeys(bbc).iterator().next();
        DiplomaticEventState state = new DiplomaticNovelty(RuleSettings.DEFAULTS).apply(gcc, null, bbc, NOW).state();

        // Then it survives a write and read through the serde
        assertThat(roundTrip(state, DiplomaticEventState.class)).isEqualTo(state);
    }

    @Test
    void shouldRestoreCasualtyDayAndPlaceHistoryExactly() {
        // Given Homs's state after the BBC report (a raised day, the history with totals)
        CasualtySpikeDetector.Outcome outcome = new CasualtySpikeDetector(RuleSettings.DEFAULTS)
                .apply("Homs", null, Map.of(), EnrichedSeeds.bbc(), NOW);
        CasualtyDayState monday = outcome.days().get(EnrichedSeeds.MONDAY);

        // Then both survive a write and read through the serde
        assertThat(monday.raised()).isTrue();
        assertThat(roundTrip(monday, CasualtyDayState.class)).isEqualTo(monday);
        assertThat(roundTrip(outcome.history(), PlaceHistory.class)).isEqualTo(outcome.history());
    }

    @Test
    void shouldFailWithAClearErrorOnBytesThatAreNotItsJson() {
        JsonSerde<PlaceHistory> serde = new JsonSerde<>(PlaceHistory.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PlaceHistory");
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        JsonSerde<T> serde = new JsonSerde<>(type);
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", value));
    }
}
