package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirewatch up} restarted on a kept {@code --data-dir}, as an operator restarts it: the second run prints only
 * the alert versions that are new since the first (nothing the first already printed, on the terminal or in
 * {@code --alerts-out}) and gets going at once, and {@code --from-beginning} prints the whole history again.
 */
class WirewatchUpResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEEDS = Path.of("..", "seeds");

    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void shouldPrintOnlyAlertsNewerThanTheLastRunsAndTheWholeHistoryOnlyWhenAskedTo() throws Exception {
        Path data = work.resolve("data");

        // Given a first run on a kept data directory that replayed the first seed report only
        long started = System.nanoTime();
        Run first = up(data, SEEDS.resolve("000_3f73a5d78b56022d.txt"), "first");
        Duration firstRun = Duration.ofNanos(System.nanoTime() - started);
        assertThat(first.alerts).isNotEmpty();
        assertThat(first.versions()).doesNotHaveDuplicates();

        // When up runs again on it with all the seeds (the first report is a duplicate, two are new)
        long restarted = System.nanoTime();
        Run second = up(data, SEEDS, "second");

        // Then it takes about as long as the first: the restarted Streams applications take their old places in
        // their groups instead of waiting out the previous run's members' 45 s session
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(firstRun.plusSeconds(30));

        // And it prints the alert versions the two new reports caused, and none that the first run printed
        assertThat(second.alerts).isNotEmpty();
        assertThat(second.versions())
                .doesNotContainAnyElementsOf(first.versions())
                .doesNotHaveDuplicates();
        assertThat(second.alerts)
                .as("no alert is raised twice")
                .noneMatch(alert -> alert.path("revision").asInt() == 0
                        && first.ids().contains(alert.path("id").asText()));
        assertThat(second.alerts)
                .as("the GCC alert of the first report, corroborated by the later ones")
                .anyMatch(alert -> alert.path("actor").asText().equals("Gulf Cooperation Council")
                        && alert.path("revision").asInt() > 0
                        && alert.path("sources").asInt() >= 2);

        // And with --from-beginning a third run prints the history of both, exactly once each
        Run history = up(data, SEEDS, "third", "--from-beginning");
        List<String> both = new ArrayList<>(first.versions());
        both.addAll(second.versions());
        assertThat(history.versions()).containsExactlyInAnyOrderElementsOf(both);
    }

    private Run up(Path data, Path replay, String name, String... extra) throws IOException {
        Path alertsFile = work.resolve(name + ".jsonl");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        UpCommand up = new UpCommand();
        up.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(
                "--replay",
                replay.toString(),
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
                data.toString()));
        args.addAll(List.of(extra));

        int exit = new CommandLine(up).execute(args.toArray(String[]::new));

        assertThat(exit).as("%s run's exit status", name).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile)) {
            alerts.add(JSON.readTree(line));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().count())
                .as("lines printed by the %s run", name)
                .isEqualTo(alerts.size());
        return new Run(alerts);
    }

    private record Run(List<JsonNode> alerts) {
        /** Each alert version as {@code id@revision}: what a run printed, comparable across runs. */
        List<String> versions() {
            return alerts.stream()
                    .map(alert -> alert.path("id").asText() + "@"
                            + alert.path("revision").asInt())
                    .toList();
        }

        List<String> ids() {
            return alerts.stream()
                    .map(alert -> alert.path("id").asText())
                    .distinct()
                    .toList();
        }
    }
}
