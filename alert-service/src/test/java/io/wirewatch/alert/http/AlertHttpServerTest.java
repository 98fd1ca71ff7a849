package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static io.wirewatch.alert.http.AlertFixtures.usEmbassyClosed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.alert.rules.CasualtyReport;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Alert;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertHttpServerTest {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();
    private final AlertFeed feed = AlertFeed.inMemory();
    private final AtomicReference<Health> health = new AtomicReference<>(Health.up());
    private AlertHttpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        feed.close();
    }

    private void start(HttpOptions options, AlertQueries alertQueries) {
        server = AlertHttpServer.start(
                options.withBindAddress("127.0.0.1").withPort(0), alertQueries, feed, health::get);
    }

    private void start() {
        start(HttpOptions.defaults(), queries);
    }

    private void startWith(CasualtyQueries casualties) {
        server = AlertHttpServer.start(
                HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                queries,
                casualties,
                feed,
                health::get,
                new SimpleMeterRegistry());
    }

    @Test
    void shouldListAlertsAsJsonNewestFirst() throws Exception {
        // Given three alerts
        queries.putAll(List.of(usEmbassyClosed(), gulfAmbassadorsRecalled(), homsCasualtySpike()));
        start();

        // When the list is requested
        HttpResponse<String> response = get("/alerts");

        // Then it is a JSON array of the alerts, newest first, readable back into the same alerts
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(AlertJson.fromJsonArray(response.body()))
                .containsExactly(homsCasualtySpike(), gulfAmbassadorsRecalled(), usEmbassyClosed());
    }

    @Test
    void shouldApplyFiltersFromTheQueryString() throws Exception {
        // Given three alerts
        queries.putAll(List.of(usEmbassyClosed(), gulfAmbassadorsRecalled(), homsCasualtySpike()));
        start();

        // When filtering by a group member (with an encoded space) and by a day
        HttpResponse<String> byActor = get("/alerts?actor=saudi%20arabia&type=DIPLOMATIC_ACTION");
        HttpResponse<String> byDay = get("/alerts?since=2012-02-07");
        HttpResponse<String> byPlace = get("/alerts?place=Homs&limit=1");

        // Then only the matching alerts come back
        assertThat(AlertJson.fromJsonArray(byActor.body()))
                .extracting(Alert::getId)
                .containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(AlertJson.fromJsonArray(byDay.body()))
                .extracting(Alert::getId)
                .containsExactly("dip-gcc-recall-syr-2012-02-07");
        assertThat(AlertJson.fromJsonArray(byPlace.body()))
                .extracting(Alert::getId)
                .containsExactly("cas-homs-2012-02-06");
    }

    @Test
    void shouldAnswerABadFilterWith400NamingTheParameter() throws Exception {
        // Given a running server
        start();

        // When a filter value is invalid, or the parameter unknown, or its encoding broken
        HttpResponse<String> badSince = get("/alerts?since=yesterday");
        HttpResponse<String> unknown = get("/alerts?colour=red");
        String badEncoding = rawGet("/alerts?place=%E0%A4%A");

        // Then each is a 400, with a JSON error naming the parameter where the request was well-formed
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(json(badSince).get("parameter").asText()).isEqualTo("since");
        assertThat(json(badSince).get("error").asText()).contains("ISO date");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("parameter").asText()).isEqualTo("colour");
        assertThat(badEncoding).startsWith("HTTP/1.1 400"); // refused by the JDK's request parser before routing
    }

    @Test
    void shouldServeOneAlertByIdAnd404ForAnUnknownId() throws Exception {
        // Given an alert whose id needs no escaping and one whose id does
        Alert spaced =
                Alert.newBuilder(homsCasualtySpike()).setId("cas homs/6 feb").build();
        queries.putAll(List.of(homsCasualtySpike(), spaced));
        start();

        // When they and a missing one are requested
        HttpResponse<String> found = get("/alerts/cas-homs-2012-02-06");
        HttpResponse<String> foundEncoded = get("/alerts/cas%20homs%2F6%20feb");
        HttpResponse<String> missing = get("/alerts/no-such-alert");

        // Then the alerts come back as JSON and the missing one is a JSON 404
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(AlertJson.fromJson(found.body())).isEqualTo(homsCasualtySpike());
        assertThat(foundEncoded.statusCode()).isEqualTo(200);
        assertThat(AlertJson.fromJson(foundEncoded.body()).getId()).isEqualTo("cas homs/6 feb");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("id").asText()).isEqualTo("no-such-alert");
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndOtherMethodsWith405() throws Exception {
        // Given a running server
        start();

        // When an unknown path is requested, and a known one with POST
        HttpResponse<String> unknown = get("/admin");
        HttpResponse<String> post = client.send(
                HttpRequest.newBuilder(server.uri().resolve("/alerts"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then both are JSON errors, the 405 saying which method is allowed
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("/admin");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(post).get("error").asText()).contains("POST");
    }

    @Test
    void shouldAnswer404ForAnAlertPathWithNoIdOrMoreThanOneSegment() throws Exception {
        // Given a running server
        start();

        // When /alerts/ is asked for without an id, and with two segments
        HttpResponse<String> noId = get("/alerts/");
        HttpResponse<String> twoSegments = get("/alerts/a/b");

        // Then neither is an alert id: JSON 404s naming the path
        assertThat(noId.statusCode()).isEqualTo(404);
        assertThat(json(noId).get("error").asText()).isEqualTo("No such resource: /alerts/");
        assertThat(twoSegments.statusCode()).isEqualTo(404);
        assertThat(json(twoSegments).get("error").asText()).isEqualTo("No such resource: /alerts/a/b");
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAClientExceedsItsRate() throws Exception {
        // Given a server allowing a burst of 3 requests and almost no refill
        start(HttpOptions.defaults().withRateLimit(0.01, 3), queries);

        // When one client makes five requests in a row
        List<Integer> statuses = new java.util.ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = get("/alerts");
            statuses.add(last.statusCode());
        }

        // Then the first three pass and the rest are told to come back later; the page and health are not limited
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(json(last).get("error").asText()).contains("Too many requests");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReportHealthFromTheSupplier() throws Exception {
        // Given a server whose health supplier says UP
        start();

        // When health is asked while UP, then after the service goes DOWN
        HttpResponse<String> up = get("/health");
        health.set(Health.of(org.apache.kafka.streams.KafkaStreams.State.ERROR));
        HttpResponse<String> down = get("/health");

        // Then it answers 200 UP, then 503 DOWN with the Streams state
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json(up).get("status").asText()).isEqualTo("UP");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(down).get("kafkaStreams").asText()).isEqualTo("ERROR");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheStoreIsUnavailable() throws Exception {
        // Given queries whose store is being restored
        AlertQueries restoring = new AlertQueries() {
            @Override
            public Collection<Alert> all() {
                throw new AlertsUnavailableException("restoring", null);
            }

            @Override
            public Optional<Alert> byId(String id) {
                throw new AlertsUnavailableException("restoring", null);
            }
        };
        start(HttpOptions.defaults(), restoring);

        // When alerts are requested
        HttpResponse<String> list = get("/alerts");
        HttpResponse<String> one = get("/alerts/cas-homs-2012-02-06");

        // Then both are 503 with a Retry-After, and the server keeps answering
        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(list.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(list).get("error").asText()).contains("temporarily unavailable");
        assertThat(one.statusCode()).isEqualTo(503);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeThePageWithSecurityHeadersAndNoInlineScript() throws Exception {
        // Given a running server
        start();

        // When the page, its scripts and its style are fetched
        HttpResponse<String> page = get("/");
        HttpResponse<String> style = get("/app.css");
        List<String> modules =
                List.of("/app.js", "/dom.js", "/filters.js", "/alert-list.js", "/map.js", "/timeline.js");

        // Then the page forbids inline and foreign scripts and sniffing, and loads one module script from this origin
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("script-src 'self'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\"></script>");
        assertThat(page.body().split("<script", -1)).hasSize(2); // exactly one script element, and it has a src
        assertThat(page.body())
                .doesNotContain("style=")
                .doesNotContain("http://")
                .doesNotContain("https://");
        // and every module is served as JavaScript, imports only this origin's modules and never parses markup
        for (String module : modules) {
            HttpResponse<String> script = get(module);
            assertThat(script.statusCode()).as(module).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type"))
                    .as(module)
                    .hasValue("text/javascript; charset=utf-8");
            assertThat(script.body())
                    .as(module)
                    .doesNotContain("innerHTML")
                    .doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write")
                    .doesNotContain("eval(")
                    .doesNotContainPattern("from '(?!\\./)")
                    .doesNotContainPattern("import\\(");
        }
        assertThat(get("/app.js").body()).contains("new EventSource('/alerts/stream')");
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(style.body()).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void shouldServeAPlacesReportedTollsDayByDayWithTheirBaselinesAndSpikes() throws Exception {
        // Given Homs's stored days: a spike of 200 on the 3rd, a spike of 70-95 on the 6th raised before the 3rd was
        // reported (so with no baseline then), 12 on the 8th; and a day of another place
        InMemoryCasualtyQueries casualties = new InMemoryCasualtyQueries(7);
        Instant seen = Instant.parse("2012-02-07T10:15:00Z");
        casualties.put(new CasualtyDayState(
                "Homs",
                LocalDate.parse("2012-02-06"),
                List.of(
                        report("bbc", "BBC", "activists", 95, "At least 95", seen),
                        report("cbc", "CBC", "activists", 70, "nearly 70", seen.plusSeconds(3600))),
                "cas-homs-2012-02-06",
                null,
                1,
                seen,
                seen.plusSeconds(3600)));
        casualties.put(new CasualtyDayState(
                "Homs",
                LocalDate.parse("2012-02-03"),
                List.of(report("globe", "The Globe and Mail", null, 200, "More than 200", seen.plusSeconds(7200))),
                "cas-homs-2012-02-03",
                null,
                0,
                seen.plusSeconds(7200),
                seen.plusSeconds(7200)));
        casualties.put(new CasualtyDayState(
                "Homs",
                LocalDate.parse("2012-02-08"),
                List.of(report("ap", "AP", null, 12, "12", seen.plusSeconds(86_400))),
                null,
                null,
                0,
                null,
                null));
        casualties.put(new CasualtyDayState(
                "Hama",
                LocalDate.parse("2012-02-06"),
                List.of(report("bbc", "BBC", null, 30, "30", seen)),
                null,
                null,
                0,
                null,
                null));
        startWith(casualties);

        // When the timeline asks for Homs, for a place with no reports, and without a place
        HttpResponse<String> homs = get("/casualties?place=Homs");
        HttpResponse<String> nowhere = get("/casualties?place=Atlantis");
        HttpResponse<String> noPlace = get("/casualties");
        HttpResponse<String> unknown = get("/casualties?place=Homs&days=3");

        // Then Homs's days come oldest first, each with its toll, range, reports and the baseline of the days before
        assertThat(homs.statusCode()).isEqualTo(200);
        JsonNode body = json(homs);
        assertThat(body.get("place").asText()).isEqualTo("Homs");
        assertThat(body.get("baselineDays").asInt()).isEqualTo(7);
        JsonNode days = body.get("days");
        assertThat(days).hasSize(3);
        JsonNode third = days.get(0);
        assertThat(third.get("day").asText()).isEqualTo("2012-02-03");
        assertThat(third.get("count").asInt()).isEqualTo(200);
        assertThat(third.get("baseline").isNull()).isTrue();
        assertThat(third.get("alertId").asText()).isEqualTo("cas-homs-2012-02-03");
        assertThat(third.get("reports").get(0).get("outlet").asText()).isEqualTo("The Globe and Mail");
        assertThat(third.get("reports").get(0).get("countText").asText()).isEqualTo("More than 200");
        JsonNode sixth = days.get(1);
        assertThat(sixth.get("day").asText()).isEqualTo("2012-02-06");
        assertThat(sixth.get("count").asInt())
                .as("the higher of two single reports")
                .isEqualTo(95);
        assertThat(sixth.get("low").asInt()).isEqualTo(70);
        assertThat(sixth.get("high").asInt()).isEqualTo(95);
        assertThat(sixth.get("baseline").asDouble())
                .as("the 3rd is within 7 days")
                .isEqualTo(200.0);
        assertThat(sixth.get("baselineWhenRaised").isNull()).isTrue();
        assertThat(sixth.get("reports").findValuesAsText("outlet")).containsExactly("BBC", "CBC");
        assertThat(sixth.get("reports").findValuesAsText("source")).containsExactly("activists", "activists");
        JsonNode eighth = days.get(2);
        assertThat(eighth.get("baseline").asDouble()).isEqualTo((200 + 95) / 2.0);
        assertThat(eighth.get("alertId").isNull()).isTrue();
        // and a place without reports has no days, while a missing or unknown parameter is named in a 400
        assertThat(json(nowhere).get("days")).isEmpty();
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(json(noPlace).get("parameter").asText()).isEqualTo("place");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("parameter").asText()).isEqualTo("days");
    }

    @Test
    void shouldServeCountryShapesKeyedByTheCodesAlertsCarryAndNameEveryCode() throws Exception {
        // Given a running server
        start();

        // When the map's shapes and the names of codes are fetched
        HttpResponse<String> shapes = get("/world-110m.json");
        HttpResponse<String> actors = get("/actors.json");

        // Then the shapes are TopoJSON keyed by alpha-2 codes that the knowledge World names as states
        assertThat(shapes.statusCode()).isEqualTo(200);
        assertThat(shapes.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode topology = json(shapes);
        JsonNode names = json(actors);
        assertThat(topology.get("type").asText()).isEqualTo("Topology");
        List<String> ids =
                topology.get("objects").get("countries").get("geometries").findValuesAsText("id");
        assertThat(ids).hasSizeGreaterThan(170).contains("SY", "US", "GB", "FR", "SA", "XK");
        assertThat(ids)
                .allSatisfy(id ->
                        assertThat(names.path(id).path("type").asText()).as(id).isEqualTo("STATE"));
        // and states too small to draw at this scale still have a point, within their country
        JsonNode bahrain = topology.get("wirewatch").get("points").get("BH");
        assertThat(bahrain.get(0).asDouble()).isBetween(50.3, 50.8);
        assertThat(bahrain.get(1).asDouble()).isBetween(25.8, 26.4);
        // and blocs are named with their members
        assertThat(names.get("SY").get("name").asText()).isEqualTo("Syria");
        assertThat(names.get("GCC").get("type").asText()).isEqualTo("BLOC");
        assertThat(names.get("GCC").get("members").findValuesAsText("members")).isEmpty();
        assertThat(List.of(AlertJson.mapper().treeToValue(names.get("GCC").get("members"), String[].class)))
                .containsExactlyInAnyOrder("BH", "KW", "OM", "QA", "SA", "AE");
    }

    private static CasualtyReport report(
            String articleId, String outlet, String source, int count, String countText, Instant seenAt) {
        return new CasualtyReport(
                articleId,
                "https://example.org/" + articleId,
                outlet,
                countText + " people were killed.",
                source,
                count,
                countText,
                seenAt);
    }

    @Test
    void shouldSendNoCorsHeaderUnlessAnOriginIsConfigured() throws Exception {
        // Given a server with default options
        start();

        // When a cross-origin request arrives
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.uri().resolve("/alerts"))
                        .header("Origin", "https://elsewhere.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then the browser is not told it may read the answer
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        // and with one origin configured, exactly that origin is allowed
        server.close();
        start(HttpOptions.defaults().withCorsOrigin("https://dashboard.example"), queries);
        assertThat(get("/alerts").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://dashboard.example");
    }

    @Test
    void shouldRejectOverlongRequestTargetsAndHeaders() throws Exception {
        // Given a running server
        start();

        // When a request has a 5,000-character query, or 20 KB of headers
        HttpResponse<String> longTarget = get("/alerts?place=" + "x".repeat(5000));
        HttpRequest.Builder bigHeaders = HttpRequest.newBuilder(server.uri().resolve("/alerts"));
        for (int i = 0; i < 20; i++) {
            bigHeaders.header("X-Filler-" + i, "y".repeat(1000));
        }
        HttpResponse<String> longHeaders = client.send(bigHeaders.build(), HttpResponse.BodyHandlers.ofString());

        // Then they are refused with 414 and 431
        assertThat(longTarget.statusCode()).isEqualTo(414);
        assertThat(longHeaders.statusCode()).isEqualTo(431);
    }

    @Test
    void shouldKeepServingAfterAMalformedRequest() throws Exception {
        // Given a running server with an alert
        queries.put(homsCasualtySpike());
        start();

        // When a client sends garbage instead of HTTP
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("\u0000\u0001 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            in.readAllBytes(); // whatever the server answers, it closes the connection
        } catch (IOException e) {
            // a reset is an acceptable answer to garbage
        }

        // Then ordinary requests are still served
        assertThat(get("/alerts/cas-homs-2012-02-06").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCountRequestsByRouteAndStatusAndRemoveItsMetersOnClose() throws Exception {
        // Given a server reporting to its own registry
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        queries.put(homsCasualtySpike());
        server = AlertHttpServer.start(
                HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0), queries, feed, health::get, registry);

        // When it answers two list requests, a found alert, a missing alert and a bad filter
        get("/alerts");
        get("/alerts");
        get("/alerts/cas-homs-2012-02-06");
        get("/alerts/missing");
        get("/alerts?type=WEATHER");

        // Then each is counted under its route and status
        assertThat(registry.get("wirewatch.http.requests")
                        .tags("route", "alerts", "status", "200")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("wirewatch.http.requests")
                        .tags("route", "alert", "status", "200")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("wirewatch.http.requests")
                        .tags("route", "alert", "status", "404")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("wirewatch.http.requests")
                        .tags("route", "alerts", "status", "400")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("wirewatch.http.streams.open").gauge().value()).isZero();

        // and closing the server takes its meters away
        server.close();
        server = null;
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void shouldServeDeadLetterCountsOnMetricsInPrometheusFormat() throws Exception {
        // Given a server on a Prometheus registry in which the topology counted one undecodable record
        PrometheusMeterRegistry registry = PrometheusMetrics.newRegistry();
        Counter.builder(DeadLetterRouter.METER_NAME)
                .tag("service", "alert")
                .tag("topic", "articles.enriched")
                .tag("reason", "undecodable")
                .register(registry)
                .increment();
        server = AlertHttpServer.start(
                HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0), queries, feed, health::get, registry);
        get("/alerts");

        // When it is scraped
        HttpResponse<String> metrics = get("/metrics");

        // Then the dead letter and the earlier request are there, in the Prometheus text format
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
        assertThat(metrics.body())
                .contains(
                        "wirewatch_dead_letters_total{reason=\"undecodable\",service=\"alert\",topic=\"articles.enriched\"} 1.0")
                .contains("wirewatch_http_requests_total{route=\"alerts\",status=\"200\"} 1.0");
    }

    @Test
    void shouldAnswer404OnMetricsWhenTheRegistryHasNoPrometheusView() throws Exception {
        // Given a server on a plain in-memory registry
        server = AlertHttpServer.start(
                HttpOptions.defaults().withBindAddress("127.0.0.1").withPort(0),
                queries,
                feed,
                health::get,
                new SimpleMeterRegistry());

        // Then there is nothing to scrape
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET sent byte for byte, for request targets that java.net.URI refuses to build. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return AlertJson.mapper().readTree(response.body());
    }
}
