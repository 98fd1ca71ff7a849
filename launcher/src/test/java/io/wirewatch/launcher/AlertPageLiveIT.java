package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The alert page of the whole pipeline, in headless Chromium: {@code wirewatch up} replays the seeds as a live feed
 * (a few seconds apart) while the page is open, and the seed alerts appear with their evidence and are corroborated
 * in place as the later reports arrive. Skipped where Chromium or the Playwright harness is not installed
 * ({@code .ci/run} installs both).
 */
class AlertPageLiveIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path HARNESS = Path.of("..", "alert-service", "src", "test", "browser");

    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void shouldShowTheSeedAlertsLiveWithTheirEvidence() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM), "Skipping: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(
                Files.isDirectory(HARNESS.resolve("node_modules").resolve("playwright-core")),
                "Skipping: no playwright-core in " + HARNESS + "/node_modules (npm ci there)");
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "Skipping: no node on PATH");

        // Given the pipeline replaying the seeds a few seconds apart (speed 4000: 4.4 h of news in 4 s)
        int port = freePort();
        UpCommand up = new UpCommand();
        up.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> new CommandLine(up)
                .execute(
                        "--replay",
                        "../seeds",
                        "--speed",
                        "4000",
                        "--kafka-port",
                        "0",
                        "--registry-port",
                        "0",
                        "--port",
                        String.valueOf(port),
                        "--ingest-port",
                        "-1",
                        "--data-dir",
                        work.resolve("data").toString()));
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);

            // When the page is opened and watched until the later reports have corroborated the first alerts
            JsonNode seen = runBrowser(node.get(), "http://127.0.0.1:" + port + "/");

            // Then the seed alerts are on the page with their evidence, updated in place by later reports
            assertThat(seen.path("pageErrors")).isEmpty();
            JsonNode gcc = seen.path("gcc");
            assertThat(gcc.path("headline").asText())
                    .isEqualTo("GCC withdraws ambassadors from Syria and expels Syrian envoys");
            assertThat(gcc.path("status").asText()).contains("UPDATE");
            assertThat(texts(gcc.path("outlets"))).contains("BBC", "CBC", "The Globe and Mail");
            assertThat(texts(gcc.path("sentences"))).anyMatch(s -> s.contains("expel"));
            // The headline's wording is alert-service's; the page must show the Homs spike of that day, in Syria
            assertThat(seen.path("homs").path("headline").asText())
                    .startsWith("Homs")
                    .contains("Syria")
                    .contains("killed on 2012-02-06");
            assertThat(texts(seen.path("homs").path("sentences"))).anyMatch(s -> s.contains("95"));
            assertThat(seen.path("us").path("headline").asText()).startsWith("US closes its embassy in Syria");
            assertThat(texts(seen.path("headlines")))
                    .anyMatch(h -> h.startsWith("France recalls"))
                    .anyMatch(h -> h.startsWith("UK recalls"));
            assertThat(seen.path("cardCount").asInt()).isGreaterThanOrEqualTo(11);
        } finally {
            up.requestStop();
            assertThat(running.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    private JsonNode runBrowser(Path node, String pageUrl) throws IOException, InterruptedException {
        Path stdout = work.resolve("browser-out.txt");
        Path stderr = work.resolve("browser-err.txt");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "pipeline-page-test.mjs", pageUrl)
                .directory(HARNESS.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        assertThat(finished).as("browser script finished; stderr:%n%s", errors).isTrue();
        assertThat(process.exitValue())
                .as("browser script exit code; stderr:%n%s", errors)
                .isZero();
        String line = Files.readAllLines(stdout).stream()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line; stderr:\n" + errors));
        return new ObjectMapper().readTree(line.substring("RESULT ".length()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
