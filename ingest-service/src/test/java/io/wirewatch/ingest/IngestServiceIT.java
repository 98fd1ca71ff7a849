package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ingest-service against a real in-process broker and schema registry. */
class IngestServiceIT {

    private static final AtomicInteger RUN = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Unique topics for one test, created up front (no auto-creation). Kept for ever: the seeds' event times are in
     * 2012, and under the default seven-day retention the broker deletes them at its first retention check.
     */
    private static Topics createTopics(String prefix) {
        Topics topics = Topics.create(STACK.stack().clusterConfig().serdeConfig(), prefix);
        Map<String, String> keepForever = Map.of("retention.ms", "-1");
        try (TopicAdmin admin = TopicAdmin.connect(STACK.stack().kafka().clientProperties())) {
            admin.createTopics(List.of(
                    new TopicAdmin.TopicSpec(topics.articlesRaw().name(), 2, (short) 1, keepForever),
                    new TopicAdmin.TopicSpec(topics.deadLetters().name(), 2, (short) 1, keepForever)));
        }
        return topics;
    }

    private static IngestConfig config(String prefix) {
        return IngestConfig.defaults(STACK.stack().clusterConfig())
                .withTopicPrefix(prefix)
                .withHttpPort(IngestConfig.HTTP_OFF);
    }

    private static String uniquePrefix(String test) {
        return "it" + RUN.incrementAndGet() + "-" + test + "-";
    }

    private static List<ConsumerRecord<String, Article>> articles(Topics topics) {
        return TopicContents.readAll(STACK.stack().clusterConfig().kafkaProperties(), topics.articlesRaw());
    }

    private static List<ConsumerRecord<String, DeadLetter>> deadLetters(Topics topics) {
        return TopicContents.readAll(STACK.stack().clusterConfig().kafkaProperties(), topics.deadLetters());
    }

    @Test
    void shouldPublishEachSeedOnceWithItsManifestMetadataAndNothingMoreOnReingestOrRestart() {
        // Given
        String prefix = uniquePrefix("seeds");
        Topics topics = createTopics(prefix);

        // When the seeds are ingested, then ingested again by the same service
        IngestSummary first;
        IngestSummary second;
        try (IngestService service = IngestService.start(config(prefix))) {
            first = service.ingest(Seeds.DIRECTORY, ReplayOptions.MAX);
            second = service.ingest(Seeds.DIRECTORY, ReplayOptions.MAX);
        }

        // Then there are exactly three articles, with the manifest's metadata and publication times as event times
        assertThat(first).isEqualTo(new IngestSummary(3, 0, 0, 0));
        assertThat(second).isEqualTo(new IngestSummary(0, 3, 0, 0));
        List<ConsumerRecord<String, Article>> records = articles(topics);
        assertThat(records).hasSize(3);
        assertThat(records)
                .extracting(r -> r.value().getOutlet())
                .containsExactlyInAnyOrder("BBC", "CBC", "The Globe and Mail");
        ConsumerRecord<String, Article> bbc = records.stream()
                .filter(r -> "BBC".equals(r.value().getOutlet()))
                .findFirst()
                .orElseThrow();
        Article article = bbc.value();
        assertThat(article.getUrl()).isEqualTo("https://www.bbc.co.uk/news/world-middle-east-16916055");
        assertThat(article.getTitle()).isEqualTo("Syria crisis: Gulf Arab states expel Syrian ambassadors");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2012-02-07T10:15:00Z"));
        assertThat(article.getText()).contains("BBC's Paul Wood").contains("(GCC)");
        assertThat(article.getOriginalText()).contains("BBC 's Paul Wood").contains("-LRB- GCC -RRB-");
        assertThat(article.getSourceRef()).endsWith("000_3f73a5d78b56022d.txt");
        assertThat(bbc.key()).isEqualTo(article.getId()).startsWith("url-");
        assertThat(article.getIngestedAt()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(records)
                .allSatisfy(record -> assertThat(Instant.ofEpochMilli(record.timestamp()))
                        .isEqualTo(record.value().getPublishedAt()));
        assertThat(records)
                .extracting(r -> r.value().getPublishedAt())
                .containsExactlyInAnyOrder(
                        Instant.parse("2012-02-07T10:15:00Z"),
                        Instant.parse("2012-02-07T14:40:00Z"),
                        Instant.parse("2012-02-07T19:05:00Z"));

        // When a new service (a restart) ingests the seeds once more
        IngestSummary afterRestart;
        try (IngestService restarted = IngestService.start(config(prefix))) {
            afterRestart = restarted.ingest(Seeds.DIRECTORY, ReplayOptions.MAX);
        }

        // Then it knew them from the topic and added none
        assertThat(afterRestart).isEqualTo(new IngestSummary(0, 3, 0, 0));
        assertThat(articles(topics)).hasSize(3);
        assertThat(deadLetters(topics)).isEmpty();
    }

    @Test
    void shouldAnswerBadBodiesWith4xxAndDeadLettersAndPublishNoArticle() throws Exception {
        // Given a service with HTTP on a free port and a 64 KiB limit
        String prefix = uniquePrefix("http");
        Topics topics = createTopics(prefix);
        int limit = 64 * 1024;
        try (IngestService service =
                IngestService.start(config(prefix).withHttpPort(0).withMaxArticleBytes(limit))) {
            URI articlesUri = URI.create("http://localhost:" + service.httpPort() + "/articles");
            byte[] binary = new byte[300];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) (i * 7);
            }
            byte[] latin1 = "{\"text\":\"Caf\u00e9 in Homs\"}".getBytes(StandardCharsets.ISO_8859_1);
            byte[] overLimit = ("{\"text\":\"" + "x".repeat(limit) + "\"}").getBytes(StandardCharsets.UTF_8);

            // When
            Map<String, HttpResponse<String>> responses = Map.of(
                    "empty", post(articlesUri, "application/json", new byte[0]),
                    "binary", post(articlesUri, "application/json", binary),
                    "malformed", post(articlesUri, "application/json", utf8("{\"text\": \"unterminated")),
                    "non-utf8", post(articlesUri, "application/json", latin1),
                    "over-limit", post(articlesUri, "application/json", overLimit),
                    "missing-text", post(articlesUri, "application/json", utf8("{\"title\":\"No body\"}")),
                    "bad-jsonl", post(articlesUri, "application/x-ndjson", utf8("{\"title\":1}\nnot json\n")),
                    "wrong-type", post(articlesUri, "text/html", utf8("<p>hello</p>")));

            // Then
            assertThat(responses.get("empty").statusCode()).isEqualTo(400);
            assertThat(responses.get("binary").statusCode()).isEqualTo(400);
            assertThat(responses.get("binary").body()).contains("binary");
            assertThat(responses.get("malformed").statusCode()).isEqualTo(400);
            assertThat(responses.get("malformed").body()).contains("malformed JSON");
            assertThat(responses.get("non-utf8").statusCode()).isEqualTo(400);
            assertThat(responses.get("non-utf8").body()).contains("UTF-8");
            assertThat(responses.get("over-limit").statusCode()).isEqualTo(413);
            assertThat(responses.get("missing-text").statusCode()).isEqualTo(400);
            assertThat(responses.get("missing-text").body()).contains("missing text");
            assertThat(responses.get("bad-jsonl").statusCode()).isEqualTo(400);
            assertThat(responses.get("wrong-type").statusCode()).isEqualTo(415);

            // One per bad body, and one per bad line of the JSONL body. A 4xx answer does not wait for the broker's
            // acknowledgement of its dead letter (the producer batches them), so the last ones may land just after.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> deadLetters(topics).size() >= 9);
            List<ConsumerRecord<String, DeadLetter>> letters = deadLetters(topics);
            assertThat(letters).hasSize(9);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.value().getService()).isEqualTo("ingest");
                assertThat(letter.value().getSource()).isEqualTo("http");
                assertThat(letter.value().getReason()).isNotBlank();
                assertThat(letter.value().getPayload().remaining()).isLessThanOrEqualTo(limit);
            });
            DeadLetter tooLarge = letters.stream()
                    .map(ConsumerRecord::value)
                    .filter(DeadLetter::getTruncated)
                    .findFirst()
                    .orElseThrow();
            assertThat(tooLarge.getPayloadSize()).isEqualTo(overLimit.length);
            assertThat(tooLarge.getPayload().remaining()).isEqualTo(limit);
            DeadLetter binaryLetter = letters.stream()
                    .map(ConsumerRecord::value)
                    .filter(letter -> letter.getReason().contains("binary"))
                    .findFirst()
                    .orElseThrow();
            assertThat(toArray(binaryLetter)).isEqualTo(binary);
            assertThat(articles(topics)).isEmpty();

            // And a good article still goes through afterwards, beside a bad line
            HttpResponse<String> mixed = post(
                    articlesUri,
                    "application/x-ndjson",
                    utf8(
                            "{\"url\":\"https://example.org/a?utm_source=x\",\"source\":\"Example\",\"text\":\"Ten people were killed in Homs.\"}\n"
                                    + "{\"text\": 5}\n"));
            assertThat(mixed.statusCode()).isEqualTo(202);
            assertThat(mixed.body()).contains("\"accepted\":[\"url-").contains("\"line\":2");
            assertThat(articles(topics))
                    .singleElement()
                    .satisfies(record -> assertThat(record.value().getUrl()).isEqualTo("https://example.org/a"));
            assertThat(get(URI.create("http://localhost:" + service.httpPort() + "/health"))
                            .statusCode())
                    .isEqualTo(200);

            // And operators see every rejection (nine bodies and lines, then the bad line beside the good article)
            // counted on /metrics, over all error classes
            HttpResponse<String> metrics = get(URI.create("http://localhost:" + service.httpPort() + "/metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            double deadLetterCount = metrics.body()
                    .lines()
                    .filter(line ->
                            line.startsWith("wirewatch_dead_letters_total{") && line.contains("service=\"ingest\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
            assertThat(deadLetterCount).isEqualTo(10.0);
        }
    }

    @Test
    void shouldIngestAFileDroppedIntoTheWatchedDirectoryOnce(@TempDir Path inbox) throws IOException {
        // Given a service watching an empty directory
        String prefix = uniquePrefix("watch");
        Topics topics = createTopics(prefix);
        IngestConfig config = config(prefix)
                .withWatchDirectory(inbox)
                .withWatchIntervals(Duration.ofMillis(200), Duration.ofMillis(100));
        try (IngestService service = IngestService.start(config)) {
            // When a file is dropped in (written elsewhere, then moved, as a well-behaved producer does)
            Path staging = Files.createTempFile("article", ".tmp");
            Files.writeString(
                    staging,
                    "{\"title\":\"Dropped\",\"published_at\":\"2012-02-08T09:00:00Z\","
                            + "\"text\":\"Shelling of Homs continued for a fifth day , activists said .\"}");
            Files.move(staging, inbox.resolve("dropped.json"));

            // Then it is published, once, however many rescans follow
            await().atMost(Duration.ofSeconds(15)).until(() -> articles(topics).size() == 1);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> service.totals().published() == 1);
            assertThat(articles(topics)).singleElement().satisfies(record -> {
                assertThat(record.value().getTitle()).isEqualTo("Dropped");
                assertThat(record.value().getText())
                        .isEqualTo("Shelling of Homs continued for a fifth day, activists said.");
                assertThat(record.timestamp())
                        .isEqualTo(Instant.parse("2012-02-08T09:00:00Z").toEpochMilli());
            });
        }
    }

    @Test
    void shouldReplayTheSeedsFromTheCommandLineInPublicationOrderWithScaledGaps() {
        // Given the seeds, published 10:15, 14:40 and 19:05, replayed 36,000 times faster: 0.44 s between them
        String prefix = uniquePrefix("cli");
        Topics topics = createTopics(prefix);
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", STACK.stack().bootstrapServers(),
                "SCHEMA_REGISTRY_URL", STACK.stack().schemaRegistryUrl(),
                "WIREWATCH_TOPIC_PREFIX", prefix);

        // When
        int exitCode = IngestMain.run(new String[] {"--speed", "36000", Seeds.DIRECTORY.toString()}, environment);

        // Then the command exits by itself, having published the three in order of publication, paced
        assertThat(exitCode).isZero();
        List<Article> published = articles(topics).stream()
                .map(ConsumerRecord::value)
                .sorted(Comparator.comparing(Article::getIngestedAt))
                .toList();
        assertThat(published).extracting(Article::getOutlet).containsExactly("BBC", "CBC", "The Globe and Mail");
        Duration firstGap = Duration.between(
                published.get(0).getIngestedAt(), published.get(1).getIngestedAt());
        Duration secondGap = Duration.between(
                published.get(1).getIngestedAt(), published.get(2).getIngestedAt());
        assertThat(firstGap).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
        assertThat(secondGap).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
    }

    private HttpResponse<String> post(URI uri, String contentType, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] toArray(DeadLetter letter) {
        byte[] bytes = new byte[letter.getPayload().remaining()];
        letter.getPayload().duplicate().get(bytes);
        return bytes;
    }
}
