package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
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
        DiplomaticEventState state = new DiplomaticNovelty(RuleSettings.DEFAULTS)
                .apply(gcc, null, bbc, NOW)
                .state();

        // Then it survives a write and read through the serde
        assertThat(roundTrip(state, DiplomaticEventState.class)).isEqualTo(state);
    }

    @Test
    void shouldReadDiplomaticEventStateWrittenBeforeItsSupportWasBounded() throws Exception {
        // Given the GCC event's state as the previous version wrote it: no sources, outlets or recent ids, and the
        // evidence of every one of 25 articles
        EnrichedArticle bbc = EnrichedSeeds.bbc();
        DiplomaticEventKey gcc = DiplomaticNovelty.eventKeys(bbc).iterator().next();
        DiplomaticNovelty novelty = new DiplomaticNovelty(RuleSettings.DEFAULTS);
        DiplomaticEventState current = novelty.apply(gcc, null, bbc, NOW).state();
        JsonSerde<DiplomaticEventState> serde = new JsonSerde<>(DiplomaticEventState.class);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode old = (ObjectNode) mapper.readTree(serde.serializer().serialize("changelog", current));
        old.remove(List.of("sources", "outlets", "recentArticleIds"));
        ArrayNode evidence = old.putArray("evidence");
        for (int i = 1; i <= 25; i++) {
            evidence.addObject()
                    .put("articleId", "old-" + i)
                    .put("url", "https://example.org/old-" + i)
                    .put("outlet", "Outlet " + (i % 3))
                    .put("sentence", "The GCC recalled its ambassadors.")
                    .putNull("attributedTo")
                    .putNull("count")
                    .put("seenAt", "2012-02-07T10:00:00Z");
        }

        // When it is read back through the serde
        DiplomaticEventState restored = serde.deserializer().deserialize("changelog", mapper.writeValueAsBytes(old));

        // Then the counts come from the stored evidence, which is then bounded, and re-delivery is still recognised
        assertThat(restored.sources()).isEqualTo(25);
        assertThat(restored.outlets()).containsExactly("Outlet 1", "Outlet 2", "Outlet 0");
        assertThat(restored.recentArticleIds()).hasSize(25);
        assertThat(restored.evidence())
                .hasSize(20)
                .first()
                .satisfies(e -> assertThat(e.articleId()).isEqualTo("old-1"));
        assertThat(restored.hasEvidenceFrom("old-5")).isTrue();
        assertThat(restored.hasEvidenceFrom(bbc.getArticleId())).isFalse();
        assertThat(novelty.apply(
                                gcc,
                                restored,
                                EnrichedSeeds.article(
                                        "old-7",
                                        "Outlet 1",
                                        "https://example.org/old-7",
                                        "Title",
                                        bbc.getPublishedAt(),
                                        bbc.getDiplomaticActions(),
                                        List.of()),
                                NOW)
                        .changed())
                .isFalse();

        // And a new article updates it as any other: one more source, the evidence still bounded
        var outcome = novelty.apply(gcc, restored, bbc, NOW);
        assertThat(outcome.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getSources()).isEqualTo(26);
            assertThat(alert.getEvidence()).hasSize(20);
            assertThat(alert.getEvidence().get(19).getArticleId()).isEqualTo(bbc.getArticleId());
        });
        assertThat(roundTrip(outcome.state(), DiplomaticEventState.class)).isEqualTo(outcome.state());
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
