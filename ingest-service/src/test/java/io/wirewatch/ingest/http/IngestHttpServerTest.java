package io.wirewatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.RecordingOutput;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoint over a real socket, with the pipeline writing to memory instead of Kafka. */
class IngestHttpServerTest {

    private static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingOutput output = new RecordingOutput();
    private final IngestPipeline pipeline =
            new IngestPipeline(output, new SeenArticles(), new NearDuplicateIndex(0.8, 100), Clock.systemUTC(), LIMIT);
    private final HttpClient client = HttpClient.newHttpClient();
    private IngestHttpServer server;

    private IngestHttpServer start(double requestsPerSecond) throws Exception {
        server = IngestHttpServer.start(
                0,
                pipeline,
                new IngestHttpServer.Limits(LIMIT, LIMIT, requestsPerSecond),
                () -> Map.of("status", "UP"));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/articles"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAcceptArticlesAndListDuplicatesAndRejectedLines() throws Exception {
        start(100);
        String jsonl = "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"One again.\"}\n{\"text\":\"\"}\n";

        HttpResponse<String> response = post("application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").toString()).isEqualTo("[\"a\"]");
        assertThat(body.get("duplicates").toString()).isEqualTo("[\"a\"]");
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("rejected").get(0).get("reason").asText()).startsWith("missing text");
        assertThat(output.articles).hasSize(1);
        assertThat(output.deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getReason()).startsWith("item 3: missing text"));
    }

    @Test
    void shouldAnswer413ToAMultiMegabyteBodyWithoutReadingIt() throws Exception {
        start(100);
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        Arrays.fill(fiveMegabytes, (byte) 'x');

        HttpResponse<String> response = post("application/json", fiveMegabytes);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getPayloadSize()).isEqualTo(fiveMegabytes.length);
            assertThat(letter.getPayload().remaining()).isEqualTo(LIMIT);
            assertThat(letter.getTruncated()).isTrue();
        });
    }

    @Test
    void shouldAnswer429WhenAClientSendsTooFast() throws Exception {
        start(1); // one request a second, bursts of two
        byte[] article = "{\"text\":\"One.\"}".getBytes(StandardCharsets.UTF_8);

        int first = post("application/json", article).statusCode();
        int second = post("application/json", article).statusCode();
        HttpResponse<String> third = post("application/json", article);

        assertThat(first).isEqualTo(202);
        assertThat(second).isEqualTo(202);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void shouldServeHealthAndRefuseOtherMethodsAndPaths() throws Exception {
        start(100);
        String base = "http://localhost:" + server.port();

        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> getArticles = client.send(
                HttpRequest.newBuilder(URI.create(base + "/articles")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = client.send(
                HttpRequest.newBuilder(URI.create(base + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(getArticles.statusCode()).isEqualTo(405);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }
}
