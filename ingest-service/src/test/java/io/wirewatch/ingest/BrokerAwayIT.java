package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.ingest.publish.PublishedArticles;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while clients post: ingest never answers 202 for an article the broker has not acknowledged,
 * refuses with 503 and Retry-After (at once, without sending, once its backlog is full), recovers by itself when the
 * broker is back, and a read_committed audit of {@code articles.raw} finds every article it ever accepted exactly once.
 */
class BrokerAwayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Articles of about 6 KB: a 48 KB backlog fills after a handful, so the test does not wait long. */
    private static final int ARTICLE_WORDS = 900;

    private static final long MAX_PENDING_BYTES = 48 * 1024;
    /**
     * How long the broker stays away at least: by default only until ingest refuses at once (a few seconds, so the
     * suite stays quick); {@code -Dwirewatch.brokerAway.seconds=60} is the minute, measured for the README.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("wirewatch.brokerAway.seconds", 0));

    private static final Duration POST_INTERVAL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRefuseWith503WhileTheBrokerIsAwayRecoverAndKeepEveryAcceptedArticleOnce() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            // Given ingest over a broker, accepting articles
            Topics topics = Topics.create(stack.clusterConfig().serdeConfig(), "away-");
            stack.createTopics(
                    2,
                    Map.of("retention.ms", "-1"),
                    topics.articlesRaw().name(),
                    topics.deadLetters().name());
            IngestConfig config = IngestConfig.defaults(stack.clusterConfig())
                    .withTopicPrefix("away-")
                    .withHttpPort(0)
                    .withHttpBackpressure(Duration.ofSeconds(1), MAX_PENDING_BYTES);
            Set<String> kept = new LinkedHashSet<>();
            List<String> refused = new ArrayList<>();
            int awayAnswers = 0;
            boolean backlogFull = false;
            long recoveredMillis;
            try (IngestService service = IngestService.start(config)) {
                URI uri = URI.create("http://127.0.0.1:" + service.httpPort() + "/articles");
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> response = post(uri, article(i));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    kept.addAll(ids(response, "accepted"));
                }
                assertThat(kept).hasSize(10);

                // When the broker goes away and clients keep posting
                stack.kafka().stop();
                long outageEnds = System.nanoTime() + OUTAGE.toNanos();
                for (int i = 10; (i < 40 && !backlogFull) || System.nanoTime() < outageEnds; i++) {
                    if (backlogFull) {
                        Thread.sleep(POST_INTERVAL.toMillis()); // a client's pace for the rest of a long outage
                    }
                    HttpResponse<String> response = post(uri, article(i));

                    // Then nothing new is accepted: each post gets 503 with Retry-After, first after waiting for the
                    // acknowledgement, then at once, without sending, once sends fail or the backlog is full
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    String error = JSON.readTree(response.body()).path("error").asText();
                    backlogFull |= error.contains("not keeping up") || error.contains("unreachable");
                    refused.add(article(i));
                    awayAnswers++;
                }
                assertThat(backlogFull)
                        .as("a post refused at once, without sending")
                        .isTrue();

                // When the broker comes back, the refused articles are posted again until kept
                stack.kafka().restart();
                long restarted = System.nanoTime();
                List<String> toSend = new ArrayList<>(refused);
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            for (String body : List.copyOf(toSend)) {
                                HttpResponse<String> response = post(uri, body);
                                if (response.statusCode() == 202) {
                                    kept.addAll(ids(response, "accepted"));
                                    kept.addAll(ids(response, "duplicates"));
                                    toSend.remove(body);
                                }
                            }
                            return toSend.isEmpty();
                        });
                recoveredMillis = (System.nanoTime() - restarted) / 1_000_000;
            }

            // Then the audit finds every kept article exactly once, and nothing else
            Map<String, Integer> copies = new HashMap<>();
            PublishedArticles.readAll(
                    stack.clusterConfig().kafkaProperties(),
                    topics.articlesRaw(),
                    "audit",
                    article -> copies.merge(article.getId(), 1, Integer::sum));
            System.out.printf(
                    "BROKER AWAY: %d s away, %d articles kept, %d posts answered 503 while away, %d copies "
                            + "in articles.raw, back to 202 %d ms after the broker%n",
                    OUTAGE.toSeconds(),
                    kept.size(),
                    awayAnswers,
                    copies.values().stream().mapToInt(Integer::intValue).sum(),
                    recoveredMillis);
            assertThat(kept).hasSize(10 + refused.size());
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(copies)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        }
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(HttpResponse<String> response, String field) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode list = JSON.readTree(response.body()).path(field);
        list.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** A distinct article of random words (no near-duplicates), the same for the same number. */
    private static String article(int number) {
        Random random = new Random(number);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ARTICLE_WORDS; i++) {
            text.append(Long.toString(random.nextLong() & 0xffffffL, 36)).append(i % 12 == 11 ? ". " : " ");
        }
        return "{\"id\":\"away-" + number + "\",\"title\":\"Report " + number + "\",\"text\":\"" + text + "\"}";
    }
}
