package io.wirewatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.RecordingOutput;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.publish.IngestOutput;
import io.wirewatch.platform.http.BearerTokens;
import io.wirewatch.platform.http.HttpListener;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Who may post, and what a 202 promises: bearer tokens over a real socket, and answers that wait for the output's
 * acknowledgement (an output that never acknowledges stands for a broker that is away).
 */
class IngestHttpSecurityTest {

    private static final int LIMIT = 64 * 1024;
    private static final String FEED_TOKEN = "5f0c6a1e9d2b4c7f8a3e6d1b0c9f2e4a";
    private static final String ARTICLE = "{\"id\":\"a-1\",\"text\":\"Syria expelled the ambassador.\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private IngestHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private IngestHttpServer start(
            IngestOutput output, HttpListener listener, IngestHttpServer.Backpressure backpressure) throws Exception {
        IngestPipeline pipeline = new IngestPipeline(
                output, new SeenArticles(), new NearDuplicateIndex(0.8, 100), Clock.systemUTC(), LIMIT);
        server = IngestHttpServer.start(
                0,
                listener,
                pipeline,
                new IngestHttpServer.Limits(LIMIT, LIMIT, 1000),
                backpressure,
                () -> Map.of("status", "UP"),
                null);
        return server;
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer401WithoutAToken403WithAWrongOneAnd202WithAKnownOneAndNeverLogTheToken() throws Exception {
        // Given an endpoint guarded by one token, and the log captured
        RecordingOutput output = new RecordingOutput();
        start(
                output,
                HttpListener.loopback().withTokens(BearerTokens.of(Map.of("reuters", FEED_TOKEN))),
                IngestHttpServer.Backpressure.none());
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            // When a client posts without a token, with a wrong one, then with the right one
            HttpResponse<String> none = post(ARTICLE, null);
            HttpResponse<String> wrong = post(ARTICLE, "Bearer " + FEED_TOKEN.replace('5', '6'));
            HttpResponse<String> right = post(ARTICLE, "Bearer " + FEED_TOKEN);

            // Then only the last is accepted; the refusals say which scheme to use and leave no dead letter
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(right.statusCode()).isEqualTo(202);
            assertThat(output.articles).extracting(Article::getId).containsExactly("a-1");
            assertThat(output.deadLetters).isEmpty();
            // And neither the right token nor the wrong one reached the log
            assertThat(log.list)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.getFormattedMessage())
                            .doesNotContain(FEED_TOKEN)
                            .doesNotContain(FEED_TOKEN.replace('5', '6')));
        } finally {
            releaseLog(log);
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterAndNever202ForWhatTheBrokerHasNotAcknowledged() throws Exception {
        // Given an output that never acknowledges (the broker is away)
        UnacknowledgingOutput output = new UnacknowledgingOutput();
        start(
                output,
                HttpListener.loopback(),
                new IngestHttpServer.Backpressure(Duration.ofMillis(300), Long.MAX_VALUE, () -> 0, () -> false));

        // When an article is posted, and posted again
        HttpResponse<String> first = post(ARTICLE, null);
        HttpResponse<String> retry = post(ARTICLE, null);

        // Then both get 503 with Retry-After listing it as unavailable: the retry is not taken for a kept duplicate
        for (HttpResponse<String> response : List.of(first, retry)) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("unavailable").toString()).isEqualTo("[\"a-1\"]");
            assertThat(body.get("accepted").size()).isZero();
            assertThat(body.get("duplicates").size()).isZero();
        }
        assertThat(output.sent).hasSize(1);

        // When the broker finally acknowledges the first copy, the retry is a kept duplicate
        output.sent.get(0).complete(null);
        HttpResponse<String> later = post(ARTICLE, null);
        assertThat(later.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(later.body()).get("duplicates").toString()).isEqualTo("[\"a-1\"]");
    }

    @Test
    void shouldRepublishAnArticleWhoseSendFailedWhenItIsPostedAgain() throws Exception {
        // Given an output whose first send fails for good (delivery timeout)
        UnacknowledgingOutput output = new UnacknowledgingOutput();
        start(
                output,
                HttpListener.loopback(),
                new IngestHttpServer.Backpressure(Duration.ofMillis(300), Long.MAX_VALUE, () -> 0, () -> false));
        assertThat(post(ARTICLE, null).statusCode()).isEqualTo(503);
        output.sent.get(0).completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("expired"));

        // When it is posted again and this time acknowledged
        output.acknowledgeAtOnce = true;
        HttpResponse<String> retry = post(ARTICLE, null);

        // Then it is sent a second time and accepted
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).get("accepted").toString()).isEqualTo("[\"a-1\"]");
        assertThat(output.sent).hasSize(2);
    }

    @Test
    void shouldRefuseAtOnceWithoutSendingWhileTheBacklogIsFull() throws Exception {
        // Given more bytes waiting for the broker than allowed
        UnacknowledgingOutput output = new UnacknowledgingOutput();
        AtomicLong pending = new AtomicLong(2_000_000);
        start(
                output,
                HttpListener.loopback(),
                new IngestHttpServer.Backpressure(Duration.ofSeconds(30), 1_000_000, pending::get, () -> false));

        // When an article is posted
        HttpResponse<String> refused = post(ARTICLE, null);

        // Then it is refused with 503 and Retry-After, and nothing is sent (so nothing is marked as seen)
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(output.sent).isEmpty();

        // When the backlog drains, the same article is accepted
        pending.set(0);
        output.acknowledgeAtOnce = true;
        assertThat(post(ARTICLE, null).statusCode()).isEqualTo(202);
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void releaseLog(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    /** Keeps each send's acknowledgement for the test to complete (or not). */
    private static final class UnacknowledgingOutput implements IngestOutput {

        final List<CompletableFuture<Void>> sent = new ArrayList<>();
        volatile boolean acknowledgeAtOnce;

        @Override
        public synchronized CompletableFuture<Void> publish(Article article) {
            CompletableFuture<Void> acknowledged =
                    acknowledgeAtOnce ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            sent.add(acknowledged);
            return acknowledged;
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {}

        @Override
        public void flush() {}
    }
}
