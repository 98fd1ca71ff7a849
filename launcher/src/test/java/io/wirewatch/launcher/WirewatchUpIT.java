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
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        int exit = new CommandLine(up)
                .execute(
                        "--replay",
                        "../seeds",
                        "--speed",
                        "max",
                        "--exit-when-idle",
                        "--alerts-out",
                        alertsFile.toString(),
                        "--kafka-port",
                        "0",
                        "--registry-port",
                        "0",
                        "--port",
                        "0",
                        "--ingest-port",
                        "-1",
                        "--data-dir",
                        work.resolve("data").toString());

        // Then it stopped by itself, having printed and written every alert version
        assertThat(exit).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile)) {
            alerts.add(JSON.readTree(line));
        }
        assertThat(alerts).isNotEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(alerts.size());
        assertThat(alerts)
                .allSatisfy(alert -> assertThat(alert.has("id")
                                && alert.has("status")
                                && alert.has("type")
                                && alert.has("headline")
                                && alert.has("severity")
                                && alert.has("sources")
                                && alert.has("evidence"))
                        .isTrue());

        List<JsonNode> news = alerts.stream()
                .filter(a -> a.path("status").asText().equals("NEW"))
                .toList();
        Map<String, Long> newsPerId =
                news.stream().collect(Collectors.groupingBy(a -> a.path("id").asText(), Collectors.counting()));
        assertThat(newsPerId.values()).as("one NEW per alert id").containsOnly(1L);

        // One NEW per real event of the seeds, with evidence from the articles
        assertThat(news)
                .filteredOn(diplomatic("Gulf Cooperation Council"))
                .singleElement()
                .satisfies(gcc -> assertThat(gcc.path("target").asText()).isEqualTo("Syria"));
        assertThat(news)
                .filteredOn(diplomatic("United States")
                        .and(a -> a.path("action").asText().equals("CLOSE_EMBASSY")))
                .hasSize(1);
        for (String state : EUROPEAN_RECALLS) {
            assertThat(news).as(state).filteredOn(diplomatic(state)).hasSize(1);
        }
        assertThat(news)
                .filteredOn(a -> a.path("type").asText().equals("CASUALTY_SPIKE")
                        && a.path("place").asText().equals("Homs")
                        && a.path("eventDate").asText().equals("2012-02-06"))
                .singleElement()
                .satisfies(homs -> assertThat(homs.path("count").asInt()).isGreaterThanOrEqualTo(70));
        assertThat(news)
                .allSatisfy(alert -> assertThat(alert.path("evidence"))
                        .isNotEmpty()
                        .allSatisfy(
                                e -> assertThat(e.path("articleId").asText()).isNotBlank()));

        // Nothing raised for the vetoes as asserted actions, nor for the sanctions being prepared
        assertThat(news)
                .noneMatch(a -> a.path("action").asText().equals("VETO_RESOLUTION")
                        && !a.path("background").asBoolean());
        assertThat(alerts).noneMatch(a -> a.path("action").asText().equals("IMPOSE_SANCTIONS"));

        // Later reports corroborate: the GCC alert ends with sources from more than one outlet
        JsonNode lastGcc = alerts.stream()
                .filter(diplomatic("Gulf Cooperation Council"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(lastGcc.path("sources").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Timeout(240)
    void shouldRunTheSeedsOnThreeBrokersWithEveryPartitionAndAlertStateOnAllThree() throws Exception {
        // Given the seeds, free ports and a kept data directory
        Path alertsFile = work.resolve("alerts.jsonl");
        Path data = work.resolve("data");
        UpCommand up = new UpCommand();
        up.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        // When the pipeline runs on three brokers until it is idle
        int exit = new CommandLine(up)
                .execute(
                        "--brokers",
                        "3",
                        "--replay",
                        "../seeds",
                        "--speed",
                        "max",
                        "--exit-when-idle",
                        "--alerts-out",
                        alertsFile.toString(),
                        "--kafka-port",
                        "0",
                        "--registry-port",
                        "0",
                        "--port",
                        "0",
                        "--ingest-port",
                        "-1",
                        "--data-dir",
                        data.toString());

        // Then the seeds raised their alerts, once each
        assertThat(exit).isZero();
        List<JsonNode> news = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile)) {
            JsonNode alert = JSON.readTree(line);
            if (alert.path("status").asText().equals("NEW")) {
                news.add(alert);
            }
        }
        assertThat(news).filteredOn(diplomatic("Gulf Cooperation Council")).hasSize(1);
        assertThat(news.stream().map(a -> a.path("id").asText()).distinct().count())
                .isEqualTo(news.size());

        // And each broker's log directory holds a replica of every partition: Wirewatch's topics, alert-service's
        // changelogs, the consumer offsets and the registry's schemas (replication 3 on three brokers)
        List<Set<String>> replicas = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            try (Stream<Path> dirs =
                    Files.list(data.resolve("kafka").resolve("node-" + node).resolve("kafka-logs"))) {
                replicas.add(dirs.filter(Files::isDirectory)
                        .map(dir -> dir.getFileName().toString())
                        .filter(name -> name.matches(".+-[0-9]+"))
                        .collect(Collectors.toSet()));
            }
        }
        assertThat(replicas.get(0))
                .contains(
                        "articles.raw-0",
                        "articles.raw-1",
                        "articles.enriched-0",
                        "alerts-1",
                        "_schemas-0",
                        "__consumer_offsets-0",
                        "__transaction_state-0")
                .anyMatch(name -> name.startsWith("wirewatch-alert-") && name.contains("-changelog-"));
        assertThat(replicas.get(1)).isEqualTo(replicas.get(0));
        assertThat(replicas.get(2)).isEqualTo(replicas.get(0));
    }

    private static Predicate<JsonNode> diplomatic(String actor) {
        return alert -> alert.path("type").asText().equals("DIPLOMATIC_ACTION")
                && alert.path("actor").asText().equals(actor)
                && !alert.path("background").asBoolean();
    }
}
