package io.wirewatch.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePropertiesTest {

    @Test
    void shouldGiveAServiceItsPrefixedPropertiesOverTheSharedOnes() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("alert.commit.interval.ms", "20");
        properties.put("commit.interval.ms", "50");
        properties.put("compression.type", "none");

        assertThat(PipelineRun.serviceProperties(properties, PipelineRun.ALERT))
                .containsExactly(Map.entry("commit.interval.ms", "20"), Map.entry("compression.type", "none"));
        assertThat(PipelineRun.serviceProperties(properties, PipelineRun.ENRICH))
                .containsExactly(Map.entry("commit.interval.ms", "50"), Map.entry("compression.type", "none"));
    }

    @Test
    void shouldReadAVariantAsOrderedPairs() {
        assertThat(EndToEndBenchmark.parseProperties("enrich.commit.interval.ms=20, alert.commit.interval.ms=10"))
                .containsExactly(
                        Map.entry("enrich.commit.interval.ms", "20"), Map.entry("alert.commit.interval.ms", "10"));
        assertThatThrownBy(() -> EndToEndBenchmark.parseProperties("enrich.commit.interval.ms"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
