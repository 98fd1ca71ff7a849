package io.wirewatch.alert.http;

import static io.wirewatch.alert.http.AlertFixtures.MORNING;
import static io.wirewatch.alert.http.AlertFixtures.corroborated;
import static io.wirewatch.alert.http.AlertFixtures.gulfAmbassadorsRecalled;
import static io.wirewatch.alert.http.AlertFixtures.homsCasualtySpike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.schema.Alert;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final InMemoryAlertQueries queries = new InMemoryAlertQueries();
    private final AlertFeed feed = AlertFeed.inMemory();
    private AlertHttpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        feed.close();
    }

    private void start(HttpOptions options) {
        server = AlertHttpServer.start(options.withBindAddress("127.0.0.1").withPort(0), queries, feed, Health::up);
    }

    private SseClient connect(String pathAndQuery) {
        return new SseClient(client, URI.create(server.uri() + pathAndQuery.substring(1)));
    }

    @Test
    void shouldReplayCurrentAlertsThenStreamEachNewVersion() {
        // Given two alerts already raised
        queries.putAll(List.of(gulfAmbassadorsRecalled(), homsCasualtySpike()));
        start(HttpOptions.defaults());

        // When a dashboard connects
        try (SseClient stream = connect("/alerts/stream")) {

            // Then it gets an event stream replaying both alerts, oldest first, framed as SSE alert events
            await().atMost(WAIT).until(() -> stream.events().size() == 2);
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type"))
                    .hasValue("text/event-stream; charset=utf-8");
            assertThat(stream.retries()).containsExactly(Integer.toString(SseConnection.RECONNECT_MILLIS));
            assertThat(stream.events()).extracting(SseClient.Event::event).containsOnly("alert");
            assertThat(stream.events())
                    .extracting(SseClient.Event::id)
                    .containsExactly("dip-gcc-recall-syr-2012-02-07/0", "cas-homs-2012-02-06/0");
            assertThat(AlertJson.fromJson(stream.events().get(1).data())).isEqualTo(homsCasualtySpike());

            // and when the alert is corroborated, the new version follows live
            Alert update =
                    corroborated(homsCasualtySpike(), "Reuters", "Reuters counted 55 dead.", MORNING.plusSeconds(3600));
            feed.publish(update);
            await().atMost(WAIT).until(() -> stream.events().size() == 3);
            assertThat(stream.events().get(2).id()).isEqualTo("cas-homs-2012-02-06/1");
            assertThat(AlertJson.fromJson(stream.events().get(2).data())).isEqualTo(update);
        }
    }

    @Test
    void shouldSkipTheReplayWhenAskedAndStillStreamLiveAlerts() {
        // Given an alert already raised
        queries.put(gulfAmbassadorsRecalled());
        start(HttpOptions.defaults());

        // When a client connects without replay and, once connected, a new alert is published
        try (SseClient stream = connect("/alerts/stream?replay=false")) {
            await().atMost(WAIT).until(() -> stream.comments().contains("connected"));
            feed.publish(homsCasualtySpike());

            // Then only the new alert arrives
            await().atMost(WAIT).until(() -> !stream.events().isEmpty());
            assertThat(stream.events()).extracting(SseClient.Event::id).containsExactly("cas-homs-2012-02-06/0");
        }
    }

    @Test
    void shouldSendHeartbeatCommentsWhileIdle() {
        // Given a server with a short heartbeat
        start(HttpOptions.defaults().withHeartbeat(Duration.ofMillis(100)));

        // When a client stays connected with nothing to report
        try (SseClient stream = connect("/alerts/stream")) {

            // Then it receives heartbeat comments, and no events
            await().atMost(WAIT)
                    .until(() -> stream.comments().stream()
                                    .filter("heartbeat"::equals)
                                    .count()
                            >= 3);
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void shouldDropAClientThatStopsReadingWithoutHoldingUpOthers() throws Exception {
        // Given a server buffering at most 16 events per client, a client that reads everything,
        // and a client that connected but never reads (with a tiny receive buffer)
        start(HttpOptions.defaults().withStreamQueueCapacity(16));
        try (SseClient reader = connect("/alerts/stream?replay=false");
                Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            OutputStream request = stalled.getOutputStream();
            request.write("GET /alerts/stream?replay=false HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(WAIT)
                    .until(() ->
                            server.openStreamCount() == 2 && reader.comments().contains("connected"));

            // When 400 large alerts (≈ 13 MB in all, well beyond the socket buffers) are published, 8 at a time
            String filler = "x".repeat(32 * 1024);
            int total = 400;
            long started = System.nanoTime();
            for (int i = 0; i < total; i += 8) {
                for (int j = i; j < i + 8; j++) {
                    feed.publish(AlertFixtures.casualtyAt("bulk-" + j, "Homs " + filler, MORNING.plusSeconds(j)));
                }
                int expected = i + 8;
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(2))
                        .until(() -> reader.events().size() >= expected);
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            // Then the reading client got every alert, in order, and the stalled one was disconnected
            assertThat(reader.events()).hasSize(total);
            assertThat(reader.events().get(total - 1).id()).isEqualTo("bulk-" + (total - 1) + "/0");
            await().atMost(WAIT).until(() -> server.openStreamCount() == 1);
            assertThat(elapsedMillis).as("publishing took %d ms", elapsedMillis).isLessThan(WAIT.toMillis());
        }
    }

    @Test
    void shouldRefuseStreamsBeyondTheCapWith503() throws Exception {
        // Given a server allowing one stream, with one client connected
        start(HttpOptions.defaults().withMaxStreams(1));
        try (SseClient first = connect("/alerts/stream")) {
            await().atMost(WAIT).until(() -> first.comments().contains("connected"));

            // When a second client tries to connect
            HttpResponse<String> second = client.send(
                    HttpRequest.newBuilder(server.uri().resolve("/alerts/stream"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // Then it is told to retry later, and the JSON API still answers
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.body()).contains("Too many open alert streams");
            assertThat(client.send(
                                    HttpRequest.newBuilder(server.uri().resolve("/alerts"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldRejectAnUnknownStreamParameterWith400() throws Exception {
        // Given a running server
        start(HttpOptions.defaults());

        // When the stream is asked for with a bad replay value
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.uri().resolve("/alerts/stream?replay=maybe"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it is a JSON 400 naming the parameter
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"replay\"");
    }

    @Test
    void shouldEndOpenStreamsPromptlyWhenTheServerCloses() {
        // Given a connected client
        start(HttpOptions.defaults());
        try (SseClient stream = connect("/alerts/stream")) {
            await().atMost(WAIT).until(() -> stream.comments().contains("connected"));

            // When the server closes
            long started = System.nanoTime();
            server.close();
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            server = null;

            // Then the stream ends for the client, without the server waiting for it
            await().atMost(WAIT).until(() -> stream.finished().isDone());
            assertThat(closeMillis).isLessThan(3000);
            assertThat(feed.subscriberCount()).isZero();
        }
    }

    @Test
    void shouldKeepEventIdsAndDataOnOneLineEachWhateverTheAlertHolds() {
        // Given an alert whose id and headline contain line breaks
        Alert hostile = Alert.newBuilder(homsCasualtySpike())
                .setId("evil\nevent: other\r")
                .setHeadline("a\nb\r\nc")
                .build();

        // When it is framed as an SSE event
        String frame = SseConnection.frame(hostile);

        // Then the frame has exactly its three field lines and the terminating blank line
        assertThat(frame.split("\n", -1)).hasSize(5);
        assertThat(frame)
                .startsWith("id: evilevent: other/0\nevent: alert\ndata: {")
                .endsWith("}\n\n");
        assertThat(AlertJson.fromJson(frame.split("\n")[2].substring("data: ".length()))
                        .getHeadline())
                .isEqualTo("a\nb\r\nc");
    }
}
