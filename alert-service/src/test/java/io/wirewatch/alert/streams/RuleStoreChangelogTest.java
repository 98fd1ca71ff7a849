package io.wirewatch.alert.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.rules.RuleSettings;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

/** The rule stores' changelogs roll segments often enough for the log cleaner to compact them. */
class RuleStoreChangelogTest {

    @Test
    void shouldCreateEveryRuleChangelogWithHourlyOr64MiBSegments() {
        // Given the rule stages of the real topology and of its pass-through
        RuleFailures failures = new RuleFailures((topic, article) -> new byte[0]);
        List<RuleStage> stages = AlertStreams.ruleStages(RuleSettings.DEFAULTS, failures);
        List<StoreBuilder<?>> stores = stages.stream()
                .flatMap(stage -> Stream.concat(stage.stores().stream(), stage.passThrough().stores().stream()))
                .toList();

        // Then every rule store is logged, its changelog rolling a segment every hour or 64 MiB (not 7 days or 1 GiB)
        assertThat(stores)
                .extracting(StoreBuilder::name)
                .containsOnly(
                        AlertStreams.DIPLOMATIC_EVENTS_STORE,
                        AlertStreams.CASUALTY_DAYS_STORE,
                        AlertStreams.PLACE_BASELINES_STORE);
        assertThat(stores).allSatisfy(store -> {
            assertThat(store.loggingEnabled()).isTrue();
            assertThat(store.logConfig())
                    .containsEntry("segment.ms", "3600000")
                    .containsEntry("segment.bytes", "67108864");
        });
    }
}
