package io.wirewatch.devstack;

import static io.wirewatch.devstack.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.devstack.registry.EmbeddedSchemaRegistry;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Article;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.KafkaAvroDeserializer;
import io.wirewatch.serde.RestSchemaRegistryClient;
import io.wirewatch.serde.SchemaRegistryException;
import io.wirewatch.serde.SpecificAvroSerde;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 2's "done when", on a real in-process broker and the Kafka-backed registry. */
class EmbeddedStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStackIT.class);
    private static EmbeddedStack stack;

    @TempDir
    Path keptDir;

    @BeforeAll
    static void startStack() {
        long began = System.nanoTime();
        stack = EmbeddedStack.start();
        LOG.info("MEASURED stack (broker + registry) start-up {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void shouldReadBackEqualArticlesAndStillDecodeThemAfterTheRegistryRestarts(TestInfo test) throws Exception {
        // Given articles produced with the Avro serde through the registry
        String topic = topicFor(test);
        stack.createTopics(2, topic);
        List<Article> sent = List.of(
                article("bbc-1", "BBC", "Gulf states expel Syrian ambassadors."),
                article("cbc-1", "CBC", "Canada's Baird condemns the shelling of Homs."),
                article("ap-1", "AP", "Russia's Lavrov meets Assad in Damascus."));
        produce(stack.clusterConfig(), topic, sent);
        assertThat(consume(stack.clusterConfig(), topic, sent.size(), specificReader(stack.clusterConfig())))
                .containsExactlyInAnyOrderElementsOf(sent);

        // When the registry restarts (its state only in the compacted _schemas topic)
        assertThat(topicConfig("_schemas", TopicConfig.CLEANUP_POLICY_CONFIG))
                .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        stack.restartRegistry();

        // Then a client with an empty cache still resolves every schema id the records name
        assertThat(consume(stack.clusterConfig(), topic, sent.size(), uncachedSpecificReader(stack.clusterConfig())))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void shouldKeepRecordsAndSchemaIdsWhenTheWholeStackRestartsOnAKeptDataDirectory() {
        // Given a stack on a kept directory that stored an article
        Article sent = article("reuters-1", "Reuters", "Syrian forces bombard Homs for a fifth day.");
        EmbeddedStack.Options options = EmbeddedStack.Options.defaults().withDataDir(keptDir);
        try (EmbeddedStack first = EmbeddedStack.start(options)) {
            first.createTopics(1, "kept.articles");
            produce(first.clusterConfig(), "kept.articles", List.of(sent));
        }

        // When a new stack starts on the same directory
        long began = System.nanoTime();
        try (EmbeddedStack second = EmbeddedStack.start(options)) {
            LOG.info("MEASURED stack restart on kept data {} ms", (System.nanoTime() - began) / 1_000_000);

            // Then the old record is read with the ids the new registry replayed
            assertThat(consume(
                            second.clusterConfig(), "kept.articles", 1, uncachedSpecificReader(second.clusterConfig())))
                    .containsExactly(sent);
            assertThat(new RegistryHttp(second.schemaRegistryUrl())
                            .get("/subjects")
                            .json()
                            .toString())
                    .contains("kept.articles-value");
        }
    }

    @Test
    void shouldSkipForeignAndUnreadableRecordsInItsLogWhenReplaying() throws Exception {
        // Given a registry log topic holding one registration, a Confluent NOOP record and garbage
        String logTopic = "_schemas_replay";
        EmbeddedSchemaRegistry.Options options =
                EmbeddedSchemaRegistry.Options.defaults().withTopic(logTopic);
        int id;
        try (EmbeddedSchemaRegistry first =
                EmbeddedSchemaRegistry.startOnKafka(stack.kafka().clientProperties(), options)) {
            id = new RegistryHttp(first.url())
                    .post(
                            "/subjects/replay-value/versions",
                            RegistryHttp.schemaBody(Article.getClassSchema().toString()))
                    .json()
                    .path("id")
                    .asInt();
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(stack.kafka().clientProperties(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(logTopic, "{\"keytype\":\"NOOP\",\"magic\":0}", null))
                    .get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(logTopic, "not json", "{also not"))
                    .get(10, TimeUnit.SECONDS);
        }

        // When a registry starts on that log
        try (EmbeddedSchemaRegistry second =
                EmbeddedSchemaRegistry.startOnKafka(stack.kafka().clientProperties(), options)) {
            RegistryHttp http = new RegistryHttp(second.url());

            // Then it serves the registration and keeps accepting new ones
            assertThat(http.get("/schemas/ids/" + id).json().path("schema").asText())
                    .isEqualTo(Article.getClassSchema().toString());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"replay-value\"]");
            assertThat(http.post(
                                    "/subjects/other-value/versions",
                                    RegistryHttp.schemaBody(record("Other", "{\"name\":\"id\",\"type\":\"string\"}")
                                            .toString()))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldKeepRegisteringSchemasAfterTheBrokerRestartsUnderTheRegistry(TestInfo test) {
        // Given a registry with one registration
        RegistryHttp http = new RegistryHttp(stack.schemaRegistryUrl());
        String subject = topicFor(test) + "-value";
        int before = http.post(
                        "/subjects/" + subject + "/versions",
                        RegistryHttp.schemaBody(record("BeforeRestart", "{\"name\":\"id\",\"type\":\"string\"}")
                                .toString()))
                .json()
                .path("id")
                .asInt();

        // When the broker below it stops and comes back on the same port
        stack.kafka().stop();
        stack.kafka().restart();

        // Then the registry still answers from memory and writes new registrations to the log again
        assertThat(http.get("/schemas/ids/" + before).status()).isEqualTo(200);
        RegistryHttp.Answer after = http.post(
                "/subjects/" + subject + "2/versions",
                RegistryHttp.schemaBody(record("AfterRestart", "{\"name\":\"id\",\"type\":\"string\"}")
                        .toString()));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("id").asInt()).isGreaterThan(before);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithHttp409ThroughTheRestClient(TestInfo test) {
        // Given a subject whose first version has a required field
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                AvroSerdeConfig.from(stack.clusterConfig().serdeConfig()));
        String subject = topicFor(test) + "-value";
        client.register(subject, record("Report", "{\"name\":\"id\",\"type\":\"string\"}"));

        // When a version that adds a required field without a default is registered
        Schema incompatible =
                record("Report", "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"casualties\",\"type\":\"int\"}");

        // Then the registry refuses it with Confluent's 409
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                })
                .hasMessageContaining("incompatible");
        assertThat(client.isCompatible(subject, incompatible)).isFalse();
    }

    @Test
    void shouldReadARecordWhoseBytesWereWrittenByHandInTheConfluentLayout(TestInfo test) throws Exception {
        // Given the Article schema registered over HTTP and a record encoded by hand: 0x00, id big-endian, Avro binary
        String topic = topicFor(test);
        stack.createTopics(1, topic);
        RegistryHttp http = new RegistryHttp(stack.schemaRegistryUrl());
        int id = http.post(
                        "/subjects/" + topic + "-value/versions",
                        RegistryHttp.schemaBody(Article.getClassSchema().toString()))
                .json()
                .path("id")
                .asInt();
        Article expected = article("hand-1", "AFP", "Hand-encoded article.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<Article>(Article.getClassSchema()).write(expected, encoder);
        encoder.flush();
        Map<String, Object> props = stack.clusterConfig().kafkaProperties();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, out.toByteArray())).get(10, TimeUnit.SECONDS);
        }

        // When it is consumed with the serde, Then it is the article
        assertThat(consume(stack.clusterConfig(), topic, 1, specificReader(stack.clusterConfig())))
                .containsExactly(expected);
    }

    @Test
    void shouldAnswerBadRequestsToTheKafkaBackedRegistryWithConfluentErrorJson() {
        RegistryHttp http = new RegistryHttp(stack.schemaRegistryUrl());

        assertThat(http.post("/subjects/bad-value/versions", "{\"schema\": ").errorCode())
                .isEqualTo(400);
        assertThat(http.post("/subjects/bad-value/versions", RegistryHttp.schemaBody("{\"type\":\"recurd\"}"))
                        .errorCode())
                .isEqualTo(42201);
        assertThat(http.get("/subjects/never-registered/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/999999").errorCode()).isEqualTo(40403);
        RegistryHttp.Answer huge = http.post("/subjects/bad-value/versions", "x".repeat(2 * 1024 * 1024));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldServeClientsWithUserInfoCredentialsAndRefuseClientsWithout(TestInfo test) {
        // Given a second registry on the same broker that requires basic authentication (its own log topic)
        EmbeddedSchemaRegistry.Options securedOptions = EmbeddedSchemaRegistry.Options.defaults()
                .withBasicAuth("wire:watch")
                .withTopic("_schemas_secured");
        try (EmbeddedSchemaRegistry secured =
                EmbeddedSchemaRegistry.startOnKafka(stack.kafka().clientProperties(), securedOptions)) {
            String topic = topicFor(test);
            stack.createTopics(1, topic);
            // The credentials arrive the way a service receives them: from its environment
            ClusterConfig withCredentials = ClusterConfig.fromEnvironment(Map.of(
                    ClusterConfig.ENV_BOOTSTRAP,
                    stack.bootstrapServers(),
                    ClusterConfig.ENV_REGISTRY,
                    secured.url(),
                    ClusterConfig.ENV_REGISTRY_AUTH_SOURCE,
                    "USER_INFO",
                    ClusterConfig.ENV_REGISTRY_USER_INFO,
                    "wire:watch"));
            Article sent = article("auth-1", "BBC", "Authenticated article.");

            // When a client with USER_INFO credentials writes and reads, Then it works
            produce(withCredentials, topic, List.of(sent));
            assertThat(consume(withCredentials, topic, 1, uncachedSpecificReader(withCredentials)))
                    .containsExactly(sent);

            // When a client has no credentials, Then it fails with a clear 401
            ClusterConfig anonymous = ClusterConfig.of(stack.bootstrapServers(), secured.url());
            RestSchemaRegistryClient client =
                    new RestSchemaRegistryClient(AvroSerdeConfig.from(anonymous.serdeConfig()));
            assertThatThrownBy(() -> client.register(topic + "-value", Article.getClassSchema()))
                    .isInstanceOfSatisfying(
                            SchemaRegistryException.class,
                            e -> assertThat(e.status()).isEqualTo(401))
                    .hasMessageContaining("401")
                    .hasMessageContaining("Unauthorized");
            RegistryHttp.Answer wrongPassword = new RegistryHttp(secured.url(), "wire:wrong").get("/subjects");
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(wrongPassword.errorCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldAnswerMedianRegistryRequestsInMilliseconds(TestInfo test) {
        // Given a registered schema
        RegistryHttp http = new RegistryHttp(stack.schemaRegistryUrl());
        String subject = topicFor(test) + "-value";
        long[] registerNanos = new long[20];
        int id = -1;
        for (int i = 0; i < registerNanos.length; i++) {
            Schema schema = record("Latency" + i, "{\"name\":\"id\",\"type\":\"string\"}");
            long began = System.nanoTime();
            RegistryHttp.Answer answer =
                    http.post("/subjects/" + subject + i + "/versions", RegistryHttp.schemaBody(schema.toString()));
            registerNanos[i] = System.nanoTime() - began;
            assertThat(answer.status()).isEqualTo(200);
            id = answer.json().path("id").asInt();
        }

        // When it is fetched by id many times
        long[] fetchNanos = new long[300];
        for (int i = 0; i < fetchNanos.length; i++) {
            long began = System.nanoTime();
            assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
            fetchNanos[i] = System.nanoTime() - began;
        }

        // Then the median fetch takes a few milliseconds (Nagle's algorithm on the server would make it >= 40 ms)
        // and a registration, which waits for Kafka's acknowledgement, well under a second
        LOG.info(
                "MEASURED registry latency: register (acks=all write) p50 {} ms p99 {} ms; GET /schemas/ids p50 {} ms p99 {} ms",
                percentileMillis(registerNanos, 50),
                percentileMillis(registerNanos, 99),
                percentileMillis(fetchNanos, 50),
                percentileMillis(fetchNanos, 99));
        assertThat(percentileMillis(fetchNanos, 50)).isLessThan(30.0);
        assertThat(percentileMillis(registerNanos, 50)).isLessThan(500.0);
    }

    private static String topicConfig(String topic, String name) throws Exception {
        try (TopicAdmin admin = TopicAdmin.connect(stack.kafka().clientProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.admin()
                    .describeConfigs(List.of(resource))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(resource)
                    .get(name)
                    .value();
        }
    }

    private static double percentileMillis(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[index] / 1_000_000.0;
    }

    private static Schema record(String name, String fields) {
        return new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.wirewatch.test\","
                        + "\"fields\":[" + fields + "]}");
    }

    private static String topicFor(TestInfo test) {
        return "it." + test.getTestMethod().orElseThrow().getName();
    }

    private static void produce(ClusterConfig cluster, String topic, List<Article> articles) {
        Map<String, Object> props = cluster.kafkaProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        SpecificAvroSerde<Article> serde = SpecificAvroSerde.configured(Article.class, cluster.serdeConfig(), false);
        try (KafkaProducer<String, Article> producer =
                new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topic, article.getId(), article));
            }
            producer.flush();
        }
    }

    /** The standard serde, sharing the JVM-wide registry client cache as services do. */
    private static Function<byte[], Article> specificReader(ClusterConfig cluster) {
        SpecificAvroSerde<Article> serde = SpecificAvroSerde.configured(Article.class, cluster.serdeConfig(), false);
        return bytes -> serde.deserializer().deserialize("any", bytes);
    }

    /** A deserializer on a brand-new registry client, so every schema id is fetched from the registry itself. */
    private static Function<byte[], Article> uncachedSpecificReader(ClusterConfig cluster) {
        Map<String, Object> config = new HashMap<>(cluster.serdeConfig());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        KafkaAvroDeserializer deserializer =
                new KafkaAvroDeserializer(new RestSchemaRegistryClient(AvroSerdeConfig.from(config)), config);
        return bytes -> (Article) deserializer.deserialize("any", bytes);
    }

    private static List<Article> consume(
            ClusterConfig cluster, String topic, int expected, Function<byte[], Article> reader) {
        Map<String, Object> props = cluster.kafkaProperties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Article> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(reader.apply(record.value()));
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
