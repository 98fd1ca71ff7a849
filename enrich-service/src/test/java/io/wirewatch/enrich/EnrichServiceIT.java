package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** enrich-service on a real in-process broker and schema registry, exactly-once, read back read_committed. */
class EnrichServiceIT {

    private static final int PARTITIONS = 2;

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path stateDir;

    @Test
    void shouldEnrichTheThreeSeedArticlesAndDeadLetterPoisonWhileStayingRunning() throws Exception {
        // Given enrich-service running on its own topics
        String run = STACK.newRunId("enrich-it");
        EnrichConfig config = EnrichConfig.defaults(STACK.stack().clusterConfig())
                .withApplicationId(run)
                .withTopicPrefix(run + ".")
                .withStateDir(stateDir)
                .withHealthPort(0);
        Topics topics = config.topics();
        STACK.stack()
                .createTopics(PARTITIONS, topics.all().stream().map(Topic::name).toArray(String[]::new));
        List<Article> seeds = TestArticles.seeds().stream()
                .map(seed -> TestArticles.seedArticle(seed, TestArticles.rawText(seed)))
                .toList();
        assertThat(seeds).hasSize(3);
        byte[] poison = "{\"id\": \"json is not avro\"}".getBytes(StandardCharsets.UTF_8);

        try (EnrichService service = EnrichService.start(config)) {
            // When the seeds, with their publication times as record times, and one poison record are produced
            produceArticles(topics, seeds);
            produceRaw(topics, "poison-1", poison);

            // Then three enriched articles and one dead letter are committed
            List<ConsumerRecord<String, EnrichedArticle>> enriched = new ArrayList<>();
            List<ConsumerRecord<String, DeadLetter>> deadLetters = new ArrayList<>();
            try (KafkaConsumer<String, EnrichedArticle> enrichedConsumer =
                            committedConsumer(run, topics.articlesEnriched());
                    KafkaConsumer<String, DeadLetter> deadLetterConsumer =
                            committedConsumer(run, topics.deadLetters())) {
                await().atMost(Duration.ofSeconds(45))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> {
                            enrichedConsumer.poll(Duration.ofMillis(200)).forEach(enriched::add);
                            deadLetterConsumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                            assertThat(enriched).hasSize(3);
                            assertThat(deadLetters).hasSize(1);
                        });
                // Nothing more arrives behind them (no duplicates from retries)
                enrichedConsumer.poll(Duration.ofMillis(500)).forEach(enriched::add);
                deadLetterConsumer.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
            }

            assertThat(enriched).hasSize(3);
            for (Article seed : seeds) {
                ConsumerRecord<String, EnrichedArticle> out = enriched.stream()
                        .filter(record -> record.key().equals(seed.getId()))
                        .findFirst()
                        .orElseThrow();
                assertThat(out.timestamp()).isEqualTo(seed.getPublishedAt().toEpochMilli());
                assertThat(out.value().getArticleId()).isEqualTo(seed.getId());
                assertThat(out.value().getOutlet()).isEqualTo(seed.getOutlet());
                assertThat(out.value().getTitle()).isEqualTo(seed.getTitle());
                assertThat(out.value().getUrl()).isEqualTo(seed.getUrl());
                assertThat(out.value().getIngestedAt()).isEqualTo(seed.getIngestedAt());
                assertThat(out.value().getEnrichedAt()).isAfterOrEqualTo(seed.getIngestedAt());
            }

            assertThat(deadLetters).hasSize(1);
            DeadLetter letter = deadLetters.get(0).value();
            assertThat(deadLetters.get(0).key()).isEqualTo("poison-1");
            assertThat(letter.getService()).isEqualTo(EnrichTopology.SERVICE);
            assertThat(letter.getTopic()).isEqualTo(topics.articlesRaw().name());
            assertThat(letter.getPartition()).isBetween(0, PARTITIONS - 1);
            assertThat(letter.getOffset()).isNotNull().isNotNegative();
            assertThat(letter.getSource())
                    .isEqualTo(topics.articlesRaw().name() + ":" + letter.getPartition() + ":" + letter.getOffset());
            assertThat(letter.getReason()).contains("Confluent Avro wire format");
            assertThat(toArray(letter.getPayload())).isEqualTo(poison);

            // And the service is still running, and says so on its health endpoint
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + service.healthPort() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"state\":\"RUNNING\"");

            // And operators see the poison pill counted on /metrics, beside the Kafka Streams client metrics
            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + service.healthPort() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()
                            .lines()
                            .filter(line -> line.startsWith("wirewatch_dead_letters_total{"))
                            .filter(line -> line.contains("reason=\"undecodable\""))
                            .filter(line -> line.contains(
                                    "topic=\"" + topics.articlesRaw().name() + "\"")))
                    .singleElement()
                    .asString()
                    .endsWith(" 1.0");
            assertThat(metrics.body()).contains("kafka_stream_thread_");
        }
    }

    private static void produceArticles(Topics topics, List<Article> articles) {
        Topic<String, Article> raw = topics.articlesRaw();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(
                producerProperties(),
                raw.keySerde().serializer(),
                raw.valueSerde().serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(
                        raw.name(), null, article.getPublishedAt().toEpochMilli(), article.getId(), article));
            }
            producer.flush();
        }
    }

    private static void produceRaw(Topics topics, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.articlesRaw().name(), key, value));
            producer.flush();
        }
    }

    private static Map<String, Object> producerProperties() {
        Map<String, Object> props = STACK.stack().clusterConfig().kafkaProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static <V> KafkaConsumer<String, V> committedConsumer(String run, Topic<String, V> topic) {
        Map<String, Object> props = STACK.stack().clusterConfig().kafkaProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader-" + topic.name());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
