package io.wirewatch.ingest.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.RecordingOutput;
import io.wirewatch.ingest.http.IngestHttpServer;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP endpoint against hostile clients, over real sockets, with the pipeline writing to memory: bodies over the
 * limit with and without a Content-Length, slow-loris clients that send headers and then trickle or stall, and a
 * request flood from one address.
 */
class HostileHttpTest {

    private static final int LIMIT = 64 * 1024;

    private final RecordingOutput output = new RecordingOutput();
    private final IngestPipeline pipeline =
            new IngestPipeline(output, new SeenArticles(), new NearDuplicateIndex(0.8, 100), Clock.systemUTC(), LIMIT);
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> slowClients = new ArrayList<>();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
    private IngestHttpServer server;

    private void start(double requestsPerSecond, Duration bodyReadTimeout) throws IOException {
        server = IngestHttpServer.start(
                0,
                pipeline,
                new IngestHttpServer.Limits(LIMIT, LIMIT, requestsPerSecond, bodyReadTimeout),
                () -> Map.of("status", "UP"));
    }

    @AfterEach
    void stop() throws IOException {
        trickler.shutdownNow();
        for (Socket socket : slowClients) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private URI articles() {
        return URI.create("http://localhost:" + server.port() + "/articles");
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(articles())
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An endless-looking body produced on the fly: the test never holds it either. */
    private static InputStream generatedBody(long size) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < size ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
    }

    @Test
    void shouldAnswer413ToAFiftyMegabyteChunkedBodyKeepingOnlyTheLimit() throws Exception {
        // Given a server with a 64 KiB body limit
        start(100, Duration.ofSeconds(30));
        long fiftyMegabytes = 50L * 1024 * 1024;

        // When a client streams 50 MB without a Content-Length (chunked transfer encoding)
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(articles())
                        .timeout(Duration.ofSeconds(40))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedBody(fiftyMegabytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it gets a 413, and the dead letter holds the first 64 KiB only: the server stopped keeping bytes at
        // limit + 1 (a chunked body's size is unknown, so that is the size it can report)
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over the limit of " + LIMIT + " bytes");
        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getPayload().remaining()).isEqualTo(LIMIT);
            assertThat(letter.getPayloadSize()).isEqualTo(LIMIT + 1);
            assertThat(letter.getTruncated()).isTrue();
        });
    }

    @Test
    void shouldAnswer413ToABodyDeclaredOverTheLimitWithContentLength() throws Exception {
        start(100, Duration.ofSeconds(30));
        long declared = 20L * 1024 * 1024;

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(articles())
                        .timeout(Duration.ofSeconds(40))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> generatedBody(declared)), declared))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getPayload().remaining()).isEqualTo(LIMIT);
            assertThat(letter.getPayloadSize()).isEqualTo(declared);
            assertThat(letter.getTruncated()).isTrue();
        });
    }

    /** Opens a connection that sends the headers and the start of a 1,000-byte body, then no more. */
    private Socket slowLoris() throws IOException {
        Socket socket = new Socket("localhost", server.port());
        slowClients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"text\":\"")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Whether the server has closed the connection: end of stream or a reset, rather than silence. */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(50);
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException silence) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void shouldServeOtherClientsWhileSlowLorisClientsHoldConnectionsAndCloseThemAtTheReadTimeout() throws Exception {
        // Given a server with two worker threads and a 1 s body read timeout, and three clients that send headers
        // and then stall or trickle one byte every 100 ms: more than there are workers
        start(100, Duration.ofSeconds(1));
        Socket stalled = slowLoris();
        Socket alsoStalled = slowLoris();
        Socket trickling = slowLoris();
        trickler.scheduleAtFixedRate(
                () -> {
                    try {
                        trickling.getOutputStream().write('x');
                    } catch (IOException closed) {
                        throw new IllegalStateException("closed", closed); // stops the trickle
                    }
                },
                100,
                100,
                TimeUnit.MILLISECONDS);

        // When a well-behaved client posts an article meanwhile
        long started = System.nanoTime();
        HttpResponse<String> response =
                post("{\"id\":\"ok\",\"text\":\"Gulf states expel envoys.\"}".getBytes(StandardCharsets.UTF_8));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        // Then it is served (within a few read timeouts, not never) and the slow connections are closed
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(output.articles).extracting(article -> article.getId()).containsExactly("ok");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(closedByServer(stalled))
                    .as("first stalled client closed")
                    .isTrue();
            assertThat(closedByServer(alsoStalled))
                    .as("second stalled client closed")
                    .isTrue();
            assertThat(closedByServer(trickling)).as("trickling client closed").isTrue();
        });
        assertThat(output.deadLetters).isEmpty();
        System.out.printf("HOSTILE HTTP: a good request waited %,d ms behind three slow-loris clients%n", waitedMillis);
    }

    @Test
    void shouldAnswer429ToAFloodFromOneClientBeyondItsBurst() throws Exception {
        // Given two requests a second, bursts of four
        start(2, Duration.ofSeconds(30));

        // When one client sends 20 requests as fast as it can
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(post(("{\"text\":\"Report " + i + " from Homs.\"}").getBytes(StandardCharsets.UTF_8))
                    .statusCode());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // Then the burst and what refilled meanwhile are accepted, and every other request is a 429
        long accepted = statuses.stream().filter(status -> status == 202).count();
        long limited = statuses.stream().filter(status -> status == 429).count();
        assertThat(accepted + limited).isEqualTo(20);
        assertThat(accepted).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(4 + (long) Math.ceil(seconds * 2));
        assertThat(statuses.subList(0, 4)).containsOnly(202);
        assertThat(output.articles).hasSize((int) accepted);
    }
}
