package io.wirewatch.alert.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtyReport;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Severity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live alert page in a real browser: starts {@link AlertHttpServer} on a free port with in-memory queries and
 * feed, then runs {@code src/test/browser/alert-page-test.mjs} (Playwright driving headless Chromium), which opens
 * the page, publishes alerts through a small control endpoint of this test after the page has loaded, and reports what
 * the page showed; and {@code alert-page-scale-test.mjs}, which opens the dashboard on 1,200 alerts and a hostile
 * place. Skipped, not failed, where Chromium or the harness's node_modules are missing ({@link BrowserHarness}).
 */
class AlertPageBrowserIT {

    private static final long SCRIPT_TIMEOUT_SECONDS = 120;

    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();
    private final InMemoryCasualtyQueries casualties = new InMemoryCasualtyQueries(7);
    private final AlertFeed feed = AlertFeed.inMemory();
    private final List<Alert> published = new CopyOnWriteArrayList<>();
    private AlertHttpServer server;
    private HttpServer control;
    private BrowserHarness browser;

    @BeforeEach
    void setUp() throws IOException {
        browser = BrowserHarness.assumeAvailable();
        server = AlertHttpServer.start(
                HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                queries,
                casualties,
                feed,
                Health::up,
                new SimpleMeterRegistry());
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
                Alert alert = AlertJson.fromJson(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
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
        Map<String, String> environment = new HashMap<>();
        Optional.ofNullable(System.getenv("ALERT_PAGE_SCREENSHOT"))
                .ifPresent(path -> environment.put("SCREENSHOT", path));

        // When the browser script runs to the end
        JsonNode seen = browser.run(
                work,
                "alert-page-test.mjs",
                List.of(
                        server.uri().toString(),
                        "http://127.0.0.1:" + control.getAddress().getPort() + "/"),
                environment,
                SCRIPT_TIMEOUT_SECONDS);

        // Then the page connected and started empty
        assertThat(seen.get("connectionText").asText()).isEqualTo("Live");
        assertThat(seen.get("emptyNoteVisibleAtStart").asBoolean()).isTrue();
        assertThat(seen.get("cardsAtStart").asInt()).isZero();
        assertThat(published).hasSize(4);

        // and the published alerts appeared live, newest first, with their evidence
        assertThat(seen.get("emptyNoteVisibleAfterAlerts").asBoolean()).isFalse();
        assertThat(texts(seen.get("orderAfterNew")))
                .containsExactly("cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
        JsonNode gulf = seen.get("gulfCard");
        assertThat(gulf.get("headline").asText()).isEqualTo("Gulf states recall ambassadors from Syria");
        assertThat(gulf.get("status").asText()).isEqualTo("NEW");
        assertThat(gulf.get("severity").asText()).isEqualTo("HIGH");
        assertThat(gulf.get("facts").asText())
                .contains("Gulf Cooperation Council → Syria")
                .contains("RECALL_AMBASSADOR")
                .contains("CAMEO 161")
                .contains("2012-02-07")
                .contains("Qatar");
        assertThat(gulf.get("outlets").get(0).get("text").asText()).isEqualTo("Reuters");
        assertThat(gulf.get("outlets").get(0).get("tag").asText()).isEqualTo("a");
        assertThat(gulf.get("outlets").get(0).get("href").asText()).isEqualTo("https://example.org/reuters/gcc");
        assertThat(texts(gulf.get("sentences")))
                .containsExactly("The six Gulf Arab states said they were recalling their ambassadors from Damascus.");
        JsonNode homs = seen.get("homsCard");
        assertThat(homs.get("headline").asText()).isEqualTo("At least 50 killed in shelling of Homs");
        assertThat(homs.get("facts").asText())
                .contains("Homs")
                .contains("50 (reports range 40–60)")
                .contains("2012-02-06");
        assertThat(homs.get("evidenceSummary").asText()).isEqualTo("Evidence (2)");
        assertThat(outletTexts(homs)).containsExactly("BBC", "Al Jazeera");
        assertThat(homs.get("outlets").get(1).get("tag").asText())
                .as("no link without a URL")
                .isEqualTo("span");

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
                .isEqualTo(
                        "Markup test <script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned=2\">");
        assertThat(texts(hostile.get("sentences")))
                .containsExactly(
                        "Quoted <script>window.__pwned=1</script> then <img src=x onerror=\"window.__pwned=2\">");
        assertThat(hostile.get("facts").asText()).contains("Hama <img src=x onerror=\"window.__pwned=2\">");
        assertThat(hostile.get("outlets").get(0).get("text").asText()).isEqualTo("<b>Bold Outlet</b>");
        assertThat(hostile.get("outlets").get(0).get("tag").asText())
                .as("javascript: URL not made a link")
                .isEqualTo("span");
        assertThat(hostile.get("injectedElements").asInt()).isZero();
        assertThat(seen.get("pwned").asText()).isEqualTo("undefined");
        assertThat(texts(seen.get("requestedPaths"))).doesNotContain("/x");
        assertThat(texts(seen.get("pageErrors"))).isEmpty();
        assertThat(texts(seen.get("finalOrder")))
                .containsExactly("cas-hostile-2012-02-07", "cas-homs-2012-02-06", "dip-gcc-recall-syr-2012-02-07");
    }

    @Test
    void shouldPageThousandsOfAlertsAndKeepHostilePlaceNamesAsTextOnTheMapAndTimeline(@TempDir Path work)
            throws Exception {
        // Given 1,200 alerts held before the page opens (replayed to it over the stream), among them a casualty spike
        // whose place name is markup, with coordinates and a reported toll
        Instant start = Instant.parse("2012-01-01T00:00:00Z");
        List<String> places = List.of("Homs", "Hama", "Idlib", "Daraa", "Aleppo", "Raqqa");
        for (int i = 0; i < 1200; i++) {
            Instant at = start.plusSeconds(3600L * i);
            boolean casualty = i % 3 == 0;
            Alert.Builder alert = Alert.newBuilder()
                    .setId(String.format("bulk-%04d", i))
                    .setStatus(AlertStatus.NEW)
                    .setSeverity(Severity.values()[i % 4])
                    .setEventDate(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC))
                    .setSources(1)
                    .setOutlets(List.of("Wire " + (i % 7)))
                    .setEvidence(List.of())
                    .setFirstSeen(at)
                    .setLastUpdated(at);
            if (casualty) {
                String place = places.get(i % places.size());
                alert.setType(AlertType.CASUALTY_SPIKE)
                        .setPlace(place)
                        .setPlaceCountryCode("SY")
                        .setCountries(List.of("SY"))
                        .setLatitude(33.0 + i % 6 * 0.5)
                        .setLongitude(36.0 + i % 5 * 0.5)
                        .setCount(20 + i % 80)
                        .setCountLow(20 + i % 80)
                        .setCountHigh(25 + i % 80)
                        .setHeadline(place + ": " + (20 + i % 80) + " killed (bulk " + i + ")");
            } else {
                alert.setType(AlertType.DIPLOMATIC_ACTION)
                        .setAction("RECALL_AMBASSADOR")
                        .setActor("France")
                        .setActorCode("FR")
                        .setTarget("Syria")
                        .setTargetCode("SY")
                        .setCountries(List.of("FR", "SY"))
                        .setHeadline("France recalls an envoy (bulk " + i + ")");
            }
            queries.put(alert.build());
        }
        // and two bloc actions: the GCC's six members and the EU's twenty-seven
        List<String> euMembers = List.of(
                "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
                "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
        queries.put(Alert.newBuilder(AlertFixtures.gulfAmbassadorsRecalled())
                .setFirstSeen(start)
                .setLastUpdated(start)
                .build());
        queries.put(Alert.newBuilder(AlertFixtures.gulfAmbassadorsRecalled())
                .setId("dip-eu-sanctions-syr")
                .setActor("European Union")
                .setActorCode("EU")
                .setActorMembers(List.of())
                .setActorMemberCodes(euMembers)
                .setHeadline("EU imposes sanctions on Syria")
                .setFirstSeen(start)
                .setLastUpdated(start)
                .build());
        String hostilePlace = "Hama <img src=x onerror=\"window.__pwned=4\">";
        Instant hostileAt = start.plusSeconds(3600L * 1300);
        queries.put(Alert.newBuilder()
                .setId("cas-hostile-map")
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.CASUALTY_SPIKE)
                .setPlace(hostilePlace)
                .setPlaceCountryCode("SY")
                .setCountries(List.of("SY"))
                .setLatitude(35.13)
                .setLongitude(36.75)
                .setCount(40)
                .setCountLow(30)
                .setCountHigh(40)
                .setEventDate(LocalDate.parse("2012-02-24"))
                .setHeadline("Markup place <script>window.__pwned=5</script>")
                .setSeverity(Severity.HIGH)
                .setSources(1)
                .setOutlets(List.of("<b>Outlet</b>"))
                .setEvidence(List.of())
                .setFirstSeen(hostileAt)
                .setLastUpdated(hostileAt)
                .build());
        casualties.put(new CasualtyDayState(
                hostilePlace,
                LocalDate.parse("2012-02-24"),
                List.of(new CasualtyReport(
                        "a-evil",
                        "javascript:window.__pwned=6",
                        "<b>Outlet</b>",
                        "40 <i>killed</i>",
                        "<script>window.__pwned=7</script>",
                        40,
                        "40 <em>dead</em>",
                        hostileAt)),
                "cas-hostile-map",
                null,
                0,
                hostileAt,
                hostileAt));

        // When the dashboard is opened on them, searched, paged, and a live alert arrives
        JsonNode seen = browser.run(
                work,
                "alert-page-scale-test.mjs",
                List.of(
                        server.uri().toString(),
                        "http://127.0.0.1:" + control.getAddress().getPort() + "/"),
                Map.of(),
                SCRIPT_TIMEOUT_SECONDS);

        // Then the list shows one page of 50 at a time, newest first, and pages through all of them
        assertThat(seen.get("pageErrors")).isEmpty();
        assertThat(seen.get("cards").asInt()).isEqualTo(50);
        assertThat(seen.get("pageInfo").asText()).isEqualTo("1–50 of 1203");
        assertThat(seen.get("firstCard").asText()).isEqualTo("cas-hostile-map");
        assertThat(seen.get("newerDisabled").asBoolean()).isTrue();
        assertThat(seen.get("pageInfoOlder").asText()).isEqualTo("51–100 of 1203");
        assertThat(seen.get("firstCardOlder").asText()).isEqualTo("bulk-1150");
        assertThat(seen.get("millisUntilListed").asLong())
                .as("1,203 alerts replayed and listed")
                .isLessThan(15_000);
        // and filters still answer at that size, with counts
        assertThat(seen.get("casualtyCount").asText()).isEqualTo("401 of 1203 alerts");
        // and a small bloc is drawn as a line from each member, a large one as one line from its middle
        assertThat(texts(seen.get("links")))
                .contains("SA>SY", "QA>SY", "BH>SY", "EU>SY", "FR>SY")
                .doesNotContain("DE>SY", "PL>SY", "GCC>SY");
        assertThat(texts(seen.get("placeOptions"))).contains("Homs (200)", "Daraa (200)");
        // and a live alert goes to the top of the first page at once
        assertThat(seen.get("liveFirst").asText()).isEqualTo("live-after-load");
        // and markup in a place name stays text on the map mark, in the timeline and its table, and never runs
        assertThat(seen.get("hostileMarkTitle").asText()).startsWith(hostilePlace + " — 2012-02-24: 30–40 killed");
        assertThat(seen.get("hostileTimelineTitle").asText())
                .isEqualTo("Reported deaths in " + hostilePlace + " by day");
        assertThat(seen.get("hostileReports").asText())
                .isEqualTo("<b>Outlet</b>: 40 <em>dead</em>, according to <script>window.__pwned=7</script>");
        assertThat(seen.get("injectedElements").asInt()).isZero();
        assertThat(seen.get("pwned").asText()).isEqualTo("undefined");
        assertThat(texts(seen.get("requestedPaths"))).doesNotContain("/x");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> outletTexts(JsonNode card) {
        List<String> outlets = new ArrayList<>();
        card.get("outlets").forEach(outlet -> outlets.add(outlet.get("text").asText()));
        return outlets;
    }
}
