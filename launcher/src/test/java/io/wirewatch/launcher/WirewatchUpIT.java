package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher's one command, in-process, on the real embedded broker and registry: {@code wirewatch up
 * --exit-when-idle --alerts-out FILE} replays the seeds through ingest, enrich and alert and stops by itself.
 */
class WirewatchUpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EUROPEAN_RECALLS =
            List.of("United Kingdom", "France", "Italy", "Belgium", "Netherlands", "Spain");

    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void shouldReplayTheSeedsAndWriteOneNewAlertPerRealEventThenStopWhenIdle() throws Exception {
        // Given the seeds and free ports
        Path alertsFile = work.resolve("alerts.jsonl");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        UpCommand up = new UpCommand();
        up.out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        // When the pipeline runs until it is idle
        int exit = new CommandLine(up).execute("--replay", "../seeds", "--speed", "max", "--exit-when-idle",
                "--alerts-out", alertsFile.toString(), "--kafka-port", "0", "--registry-port", "0", "--port", "0",
                "--ingest-port", "-1", "--data-dir", work.resolve("data").toString());

        // Then it stopped by itself, having printed and written every alert version
        assertThat(exit).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile)) {
            alerts.add(JSON.readTree(line));
        }
        assertThat(alerts).isNotEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(alerts.size());
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.has("id") && alert.has("status") && alert.has("type")
                && alert.has("headline") && alert.has("severity") && alert.has("sources") && alert.has("evidence")).isTrue());

        List<JsonNode> news = alerts.stream().filter(a -> a.path("status").asText().equals("NEW")).toList();
        Map<String, Long> newsPerId = news.stream().collect(Collectors.groupingBy(a -> a.path("id").asText(), Collectors.counting()));
        assertThat(newsPerId.values()).as("one NEW per alert id").containsOnly(1L);

        // One NEW per real event of the seeds, with evidence from the articles
        assertThat(news).filteredOn(diplomatic("Gulf Cooperation Council")).singleElement()
                .satisfies(gcc -> assertThat(gcc.path("target").asText()).isEqualTo("Syria"));
        assertThat(news).filteredOn(diplomatic("United States").and(a -> a.path("action").asText().equals("CLOSE_EMBASSY")))
                .hasSize(1);
        for (String state : EUROPEAN_RECALLS) {
            assertThat(news).as(state).filteredOn(diplomatic(state)).hasSize(1);
        }
        assertThat(news).filteredOn(a -> a.path("type").asText().equals("CASUALTY_SPIKE")
                        && a.path("place").asText().equals("Homs") && a.path("eventDate").asText().equals("2012-02-06"))
                .singleElement()
                .satisfies(homs -> assertThat(homs.path("count").asInt()).isGreaterThanOrEqualTo(70));
        assertThat(news).allSatisfy(alert -> assertThat(alert.path("evidence")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("articleId").asText()).isNotBlank()));

        // Nothing raised for the vetoes as asserted actions, nor for the sanctions being prepared
        assertThat(news).noneMatch(a -> a.path("action").asText().equals("VETO_RESOLUTION") && !a.path("background").asBoolean());
        assertThat(alerts).noneMatch(a -> a.path("action").asText().equals("IMPOSE_SANCTIONS"));

        // Later reports corroborate: the GCC alert ends with sources from more than one outlet
        JsonNode lastGcc = alerts.stream().filter(diplomatic("Gulf Cooperation Council")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastGcc.path("sources").asInt()).isGreaterThanOrEqualTo(2);
    }

    private static Predicate<JsonNode> diplomatic(String actor) {
        return alert -> alert.path("type").asText().equals("DIPLOMATIC_ACTION") && alert.path("actor").asText().equals(actor)
                && !alert.path("background").asBoolean();
    }
}
