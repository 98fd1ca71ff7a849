package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.schema.Alert;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live alert page in a real browser: starts {@link AlertHttpServer} on a free port with in-memory queries and
 * feed, then runs {@code src/test/browser/alert-page-test.mjs} (Playwright driving headless Chromium), which opens
 * the page, publishes alerts through a small control endpoint of this test after the page has loaded, and reports what
 * the page showed. Skipped, not failed, where Chromium or the harness's node_modules are missing
 * ({@code apt-get install chromium}; {@code npm ci} in {@code src/test/browser}).
 */
class AlertPageBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();
    private final AlertFeed feed = AlertFeed.inMemory();
    private final List<Alert> published = new CopyOnWriteArrayList<>();
    private AlertHttpServer server;
    private HttpServer control;
    private Path harness;

    @BeforeEach
    void setUp() throws IOException {
        harness = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "browser");
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipping the browser test: no Chromium at " + CHROMIUM
                + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(harness.resolve("node_modules").resolve("playwright-core")),
                "Skipping the browser test: " + harness.resolve("node_modules") + " has no playwright-core (npm ci in "
                        + harness + ")");
        assumeTrue(nodeOnPath().isPresent(), "Skipping the browser test: no node on PATH");

        server = AlertHttpServer.start(HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0), queries, feed,
                Health::up);
        control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/publish", this::publish);
        control.start();
    }

    @AfterEach
    void tearDown() {
        if (control != null) {
            control.stop(0);
        }
        if (server != null) {
            server.close();
        }
        feed.close();
    }

    /** The control endpoint: an alert version posted as JSON goes into the store and the feed, as the topology does. */
    private void publish(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Alert alert = AlertJson.fromJson(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                queries.put(alert);
                feed.publish(alert);
                published.add(alert);
                exchange.sendResponseHeaders(204, -1);
            } catch (IllegalArgumentException e) {
                byte[] body = e.getMessage().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Test
    void shouldShowAlertsLiveReplaceUpdatesInPlaceAndNeverRunMarkupFromArticles(@TempDir Path work) throws Exception {
        // Given the page open in Chromium, then alerts published while it is open (the script drives both)
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(nodeOnPath().orElseThrow().toString(), "alert-page-test.mjs",
                server.uri().toString(), "http://127.0.0.1:" + control.getAddress().getPort() + "/")
                .directory(harness.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Optional.ofNullable(System.getenv("ALERT_PAGE_SCREENSHOT")).ifPresent(path -> builder.environment().put("SCREENSHOT", path));

        // When the browser script runs to the end
        Process process = builder.start();
        boolean finished = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        assertThat(finished).as("browser script finished within %d s; stderr:%n%s", SCRIPT_TIMEOUT_SECONDS, errors).isTrue();
        assertThat(process.exitValue()).as("browser script exit code; stderr:%n%s", errors).isZero();
        JsonNode seen = result(Files.readString(stdout), errors);

        // Then the page connected and started empty
        assertThat(seen.get("connectionText").asText()).isEqualTo("Live");
        assertThat(seen.get("emptyNoteVisibleAtStart").asBoolean()).isTrue();
        assertThat(seen.get("cardsAtStart").asInt()).isZero();
        assertThat(published).hasSize(4);

        // and the published alerts appeared live, newest first, with their evidence
        assertThat(seen.get("emptyNoteVisibleAfterAlerts").asBoolean()).isFalse();
        assertThat(texts(seen.get("orderAfterNew"))).containsExactly("cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
        JsonNode gulf = seen.get("gulfCard");
        assertThat(gulf.get("headline").asText()).isEqualTo("Gulf states recall ambassadors from Syria");
        assertThat(gulf.get("status").asText()).isEqualTo("NEW");
        assertThat(gulf.get("severity").asText()).isEqualTo("HIGH");
        assertThat(gulf.get("facts").asText()).contains("Gulf Cooperation Council → Syria").contains("RECALL_AMBASSADOR")
                .contains("CAMEO 161").contains("2012-02-07").contains("Qatar");
        assertThat(gulf.get("outlets").get(0).get("text").asText()).isEqualTo("Reuters");
        assertThat(gulf.get("outlets").get(0).get("tag").asText()).isEqualTo("a");
        assertThat(gulf.get("outlets").get(0).get("href").asText()).isEqualTo("https://example.org/reuters/gcc");
        assertThat(texts(gulf.get("sentences")))
                .containsExactly("The six Gulf Arab states said they were recalling their ambassadors from Damascus.");
        JsonNode homs = seen.get("homsCard");
        assertThat(homs.get("headline").asText()).isEqualTo("At least 50 killed in shelling of Homs");
        assertThat(homs.get("facts").asText()).contains("Homs").contains("50 (reports range 40–60)").contains("2012-02-06");
        assertThat(homs.get("evidenceSummary").asText()).isEqualTo("Evidence (2)");
        assertThat(outletTexts(homs)).containsExactly("BBC", "Al Jazeera");
        assertThat(homs.get("outlets").get(1).get("tag").asText()).as("no link without a URL").isEqualTo("span");

        // and the UPDATE replaced the Homs card in place rather than adding one
        assertThat(seen.get("homsCardsAfterUpdate").asInt()).isEqualTo(1);
        assertThat(seen.get("cardCountAfterUpdate").asInt()).isEqualTo(2);
        JsonNode updated = seen.get("homsUpdated");
        assertThat(updated.get("status").asText()).isEqualTo("UPDATE #1");
        assertThat(updated.get("evidenceSummary").asText()).isEqualTo("Evidence (3)");
        assertThat(outletTexts(updated)).containsExactly("BBC", "Al Jazeera", "AP");
        assertThat(texts(updated.get("sentences"))).contains("The AP counted 55 dead after a day of shelling in Homs.");

        // and markup in article text was shown as text, created no elements, fetched nothing and ran nothing
        JsonNode hostile = seen.get("hostileCard");
        assertThat(hostile.get("headline").asText())
                .isEqualTo("Markup test <script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned=2\">");
        assertThat(texts(hostile.get("sentences")))
                .containsExactly("Quoted <script>window.__pwned=1</script> then <img src=x onerror=\"window.__pwned=2\">");
        assertThat(hostile.get("facts").asText()).contains("Hama <img src=x onerror=\"window.__pwned=2\">");
        assertThat(hostile.get("outlets").get(0).get("text").asText()).isEqualTo("<b>Bold Outlet</b>");
        assertThat(hostile.get("outlets").get(0).get("tag").asText()).as("javascript: URL not made a link").isEqualTo("span");
        assertThat(hostile.get("injectedElements").asInt()).isZero();
        assertThat(seen.get("pwned").asText()).isEqualTo("undefined");
        assertThat(texts(seen.get("requestedPaths"))).doesNotContain("/x");
        assertThat(texts(seen.get("pageErrors"))).isEmpty();
        assertThat(texts(seen.get("finalOrder")))
                .containsExactly("cas-hostile-2012-02-07", "cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
    }

    private static JsonNode result(String stdout, String stderr) throws IOException {
        String line = stdout.lines().filter(candidate -> candidate.startsWith("RESULT ")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("browser script printed no RESULT line; stdout:\n" + stdout
                        + "\nstderr:\n" + stderr));
        return AlertJson.mapper().readTree(line.substring("RESULT ".length()));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> outletTexts(JsonNode card) {
        List<String> outlets = new ArrayList<>();
        card.get("outlets").forEach(outlet -> outlets.add(outlet.get("text").asText()));
        return outlets;
    }

    private static Optional<Path> nodeOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
