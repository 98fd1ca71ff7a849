package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alert.http.AlertJson;
import io.wirewatch.alert.http.BrowserHarness;
import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's dashboard over the seeds as the pipeline sees them: the three seed reports, enriched by the real
 * extractor, go through a real alert-service (Kafka Streams on the embedded broker, its stores, its HTTP server), and
 * headless Chromium ({@code src/test/browser/dashboard-test.mjs}) looks at the map, the timeline, the filters and the
 * themes. Keeps a screenshot of each view in {@link BrowserHarness#screenshotDirectory()} (the README's images).
 */
class DashboardSeedsBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String GCC = "dip-gulf-cooperation-council-downgrade-syria-2012-02-07";
    private static final String US_EMBASSY = "dip-united-states-downgrade-syria-2012-02-06";

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path work;

    @Test
    void shouldMarkHomsOnTheMapShowItsTollsOfTheThirdAndSixthAndKeepEveryFilterInTheUrl() throws Exception {
        BrowserHarness browser = BrowserHarness.assumeAvailable();
        // Given alert-service on its own topics, one partition each so the seeds are weighed in publication order
        String run = STACK.newRunId("dashboard-it");
        AlertConfig config = AlertConfig.defaults(STACK.stack().clusterConfig())
                .withApplicationId(run)
                .withTopicPrefix(run + ".")
                .withStateDir(work.resolve("state"))
                .withHttpPort(0);
        Topics topics = config.topics();
        try (TopicAdmin admin = TopicAdmin.connect(STACK.stack().kafka().clientProperties())) {
            admin.createTopics(topics.all().stream()
                    .map(topic -> new TopicAdmin.TopicSpec(topic.name(), 1, (short) 1, Map.of("retention.ms", "-1")))
                    .toList());
        }
        try (AlertService service = AlertService.start(config)) {
            // When the three seeds, enriched by the real extractor, arrive in publication order
            produce(topics, ExtractedSeeds.enriched());
            URI base = service.http().uri();
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> alertIds(base, "/alerts?place=Homs")
                                    .containsAll(List.of("cas-homs-2012-02-03", "cas-homs-2012-02-06"))
                            && alertIds(base, "/alerts").size() >= 11);

            // And the dashboard is opened and used in Chromium
            JsonNode seen = browser.run(
                    work,
                    "dashboard-test.mjs",
                    List.of(base.toString()),
                    Map.of(
                            "SCREENSHOT_DIR",
                            BrowserHarness.screenshotDirectory().toString()),
                    180);

            // Then nothing failed, and nothing was fetched from elsewhere
            assertThat(seen.get("pageErrors")).isEmpty();
            assertThat(seen.get("consoleErrors")).isEmpty();
            assertThat(seen.get("foreignRequests")).isEmpty();
            assertThat(seen.get("matchCount").asText()).matches("(\\d+) of \\1 alerts");

            // and the map marks Homs inside Syria's outline, titled with each spike day's figures as the alerts give
            // them, Syria shaded and the Gulf states, the Europeans and the US linked to Syria
            List<Alert> homsAlerts = AlertJson.fromJsonArray(get(base, "/alerts?place=Homs"));
            JsonNode homs = seen.get("homsMark");
            assertThat(texts(homs.get("countryAt"))).containsExactly("SY");
            assertThat(homs.get("title").asText()).startsWith("Homs — ");
            for (Alert spike : homsAlerts) {
                String toll = spike.getCountLow().equals(spike.getCountHigh())
                        ? String.valueOf(spike.getCount())
                        : spike.getCountLow() + "–" + spike.getCountHigh();
                assertThat(homs.get("title").asText()).contains(spike.getEventDate() + ": " + toll + " killed");
            }
            assertThat(homs.get("title").asText()).contains("2012-02-03: 200 killed");
            assertThat(homs.get("classes").asText())
                    .contains("severity-critical")
                    .doesNotContain("approximate");
            assertThat(homs.get("circles").asInt())
                    .as("the largest toll, and the lowest report")
                    .isGreaterThanOrEqualTo(2);
            assertThat(seen.get("syriaShade").asText()).contains("shade-4");
            assertThat(texts(seen.get("links"))).contains("SA>SY", "QA>SY", "BH>SY", "US>SY", "FR>SY", "GB>SY");
            assertThat(seen.get("zoomAfterFit").asDouble())
                    .as("framed from Washington to the Gulf")
                    .isGreaterThan(1.2);
            assertThat(seen.get("homsMarkVisibleAfterFit").asBoolean()).isTrue();

            // and clicking the mark filters by Homs (in the URL too) and shows its tolls of the 3rd and the 6th, as
            // the casualty store holds them: the toll, the range, the baseline and every report
            assertThat(seen.get("urlAfterMark").asText()).endsWith("/?place=Homs");
            assertThat(texts(seen.get("cardsAtHoms")))
                    .contains("cas-homs-2012-02-03", "cas-homs-2012-02-06")
                    .containsExactlyInAnyOrderElementsOf(texts(seen.get("apiAtHoms")))
                    .containsExactlyInAnyOrderElementsOf(
                            homsAlerts.stream().map(Alert::getId).toList());
            assertThat(seen.get("placeTitle").asText()).isEqualTo("Reported deaths in Homs by day");
            JsonNode stored = AlertJson.mapper()
                    .readTree(get(base, "/casualties?place=Homs"))
                    .get("days");
            JsonNode rows = seen.get("figureRows");
            assertThat(rows.findValuesAsText("day")).containsExactlyElementsOf(stored.findValuesAsText("day"));
            for (JsonNode day : stored) {
                JsonNode row = row(rows, day.get("day").asText());
                int count = day.get("count").asInt();
                int low = day.get("low").asInt();
                int high = day.get("high").asInt();
                assertThat(row.get("toll").asText())
                        .startsWith(high > low ? count + " (" + low + "–" + high + ")" : String.valueOf(count));
                assertThat(row.get("spike").asBoolean())
                        .isEqualTo(!day.get("alertId").isNull());
                assertThat(row.get("baseline").asText())
                        .isEqualTo(
                                day.get("baseline").isNull()
                                        ? "—"
                                        : String.format(
                                                java.util.Locale.ROOT,
                                                "%.1f",
                                                day.get("baseline").asDouble()));
                for (JsonNode report : day.get("reports")) {
                    assertThat(row.get("reports").asText())
                            .contains(report.get("outlet").asText() + ": "
                                    + report.get("countText").asText());
                }
            }
            JsonNode third = row(rows, "2012-02-03");
            assertThat(third.get("spike").asBoolean()).isTrue();
            assertThat(third.get("toll").asText()).startsWith("200");
            assertThat(third.get("reports").asText()).contains("The Globe and Mail: more than 200");
            JsonNode sixth = row(rows, "2012-02-06");
            assertThat(sixth.get("spike").asBoolean()).isTrue();
            assertThat(sixth.get("toll").asText()).startsWith("95");
            assertThat(sixth.get("reports").asText()).contains("BBC: at least 95, according to activists");
            assertThat(seen.get("chartDays").findValuesAsText("day")).contains("2012-02-03", "2012-02-06");
            assertThat(seen.get("baselineSegments").asInt()).isPositive();
            assertThat(seen.get("perDayBars").findValuesAsText("day")).contains("2012-02-03", "2012-02-06");

            // and every filter changed the list and the URL, the list always what /alerts gives for that URL
            assertThat(seen.get("cardsDiplomatic")).isNotEmpty();
            assertThat(texts(seen.get("cardsDiplomatic")))
                    .allMatch(id -> id.startsWith("dip-"))
                    .containsExactlyInAnyOrderElementsOf(texts(seen.get("apiDiplomatic")));
            assertThat(texts(seen.get("typeOptions")))
                    .contains(
                            "Casualty spike ("
                                    + alertIds(base, "/alerts?type=CASUALTY_SPIKE")
                                            .size() + ")",
                            "Diplomatic action ("
                                    + alertIds(base, "/alerts?type=DIPLOMATIC_ACTION")
                                            .size() + ")");
            assertThat(seen.get("urlCountry").asText())
                    .contains("type=DIPLOMATIC_ACTION")
                    .contains("country=SA");
            assertThat(texts(seen.get("cardsSaudi")))
                    .containsExactly(GCC)
                    .containsExactlyElementsOf(texts(seen.get("apiSaudi")));
            assertThat(texts(seen.get("countryOptions")))
                    .anyMatch(option -> option.startsWith("Saudi Arabia · SA (1)"))
                    .anyMatch(option -> option.startsWith("Syria · SY ("));
            assertThat(seen.get("searchFocusedBySlash").asText()).isEqualTo("f-q");
            assertThat(seen.get("urlSearch").asText())
                    .contains("type=DIPLOMATIC_ACTION")
                    .contains("q=ambassador");
            assertThat(texts(seen.get("cardsSearch")))
                    .contains(GCC, US_EMBASSY)
                    .containsExactlyInAnyOrderElementsOf(texts(seen.get("apiSearch")));
            assertThat(texts(seen.get("headlinesSearch")))
                    .anyMatch(h -> h.equals("US closes its embassy in Syria and recalls its ambassador"));
            assertThat(texts(seen.get("cardsSearchFrom7th")))
                    .contains(GCC)
                    .doesNotContain(US_EMBASSY)
                    .containsExactlyInAnyOrderElementsOf(texts(seen.get("apiSearchFrom7th")));
            assertThat(seen.get("urlAfterBack").asText())
                    .doesNotContain("from=")
                    .contains("q=ambassador");
            assertThat(texts(seen.get("cardsAfterBack"))).containsExactlyElementsOf(texts(seen.get("cardsSearch")));
            assertThat(seen.get("sharedFields").get("severity").asText()).isEqualTo("HIGH");
            assertThat(seen.get("sharedFields").get("country").asText()).isEqualTo("SY");
            assertThat(texts(seen.get("cardsShared")))
                    .containsExactlyInAnyOrderElementsOf(texts(seen.get("apiShared")));
            assertThat(seen.get("urlAfterKeyboard").asText())
                    .contains("place=Homs")
                    .contains("severity=HIGH");

            // and the dark theme is chosen, drawn and remembered
            assertThat(seen.get("theme").asText()).isEqualTo("dark");
            assertThat(seen.get("darkBackground").asText()).isEqualTo("rgb(17, 21, 28)");
            assertThat(seen.get("themeAfterReload").asText()).isEqualTo("dark");
        }
    }

    private static JsonNode row(JsonNode rows, String day) {
        for (JsonNode row : rows) {
            if (row.get("day").asText().equals(day)) {
                return row;
            }
        }
        throw new AssertionError("no timeline row for " + day + " in " + rows);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> alertIds(URI base, String pathAndQuery) throws Exception {
        return AlertJson.fromJsonArray(get(base, pathAndQuery)).stream()
                .map(Alert::getId)
                .toList();
    }

    private static String get(URI base, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return response.body();
    }

    private static void produce(Topics topics, List<EnrichedArticle> articles) {
        Map<String, Object> props = new HashMap<>(STACK.stack().clusterConfig().kafkaProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(
                props,
                new StringSerializer(),
                topics.articlesEnriched().valueSerde().serializer())) {
            for (EnrichedArticle article : articles) {
                // As enrich-service writes them: the article's shares, keyed by event and place.
                SharesInput.records(topics, article).forEach(producer::send);
                producer.flush();
            }
        }
    }
}
