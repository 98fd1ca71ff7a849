package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.CasualtyFigure;
import io.wirewatch.schema.CountBound;
import io.wirewatch.schema.DiplomaticAction;
import io.wirewatch.schema.DiplomaticActionType;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills alert-service mid-replay and lets a new instance finish, on a real in-process broker and schema registry.
 * The first instance runs as its own JVM ({@link AlertMain}, configured by environment variables) and is killed with
 * SIGKILL, so its open transaction is cut off as in a real crash; the second runs in this JVM with an empty state
 * directory, so its state can only come from the changelog topics. Alerts are read back read_committed.
 */
class AlertServiceRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(AlertServiceRestartIT.class);
    private static final int PARTITIONS = 2;
    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 3, 1);
    /**
     * Upper bound of each wait. On an idle 2-core machine each phase takes seconds; the bound is generous because the
     * machine is shared with other builds, and a child JVM and a crashed transaction (5 s timeout) add their share.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path workDir;

    @Test
    void shouldLoseAndDuplicateNoAlertWhenKilledMidReplayAndRestartedFromChangelogs() throws Exception {
        // Given a few hundred generated articles reporting known events, and alert-service on its own topics
        String run = STACK.newRunId("alert-it");
        AlertConfig config = AlertConfig.defaults(STACK.stack().clusterConfig())
                .withApplicationId(run)
                .withTopicPrefix(run + ".")
                .withStateDir(workDir.resolve("state-b"))
                .withHttpPort(0);
        Topics topics = config.topics();
        createTopicsKeepingOldRecords(topics);
        Corpus corpus = Corpus.generate(new Random(20120207));
        assertThat(corpus.articles()).hasSizeGreaterThan(200);
        int half = corpus.articles().size() / 2;

        // When the first half is replayed into a first instance, which is killed once it has committed some alerts
        Process first = startInOwnJvm(run, workDir.resolve("state-a"));
        List<Alert> committed = new ArrayList<>();
        try (KafkaConsumer<String, Alert> consumer = committedConsumer(run, topics.alerts())) {
            try {
                produce(topics, corpus.articles().subList(0, half));
                int someAlerts = corpus.expectedAlertCount() / 5;
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> poll(consumer, committed) >= someAlerts);
            } finally {
                first.destroyForcibly().waitFor();
            }
            int committedBeforeKill = poll(consumer, committed);
            assertThat(committedBeforeKill).as("killed mid-replay").isLessThan(corpus.expectedAlertCount());
            LOG.info(
                    "Killed the first instance after {} of {} alert versions were committed ({} articles, {} alerts)",
                    committedBeforeKill,
                    corpus.expectedAlertCount(),
                    corpus.articles().size(),
                    corpus.reportsPerAlert().size());
            long restartedAt = System.nanoTime();

            // And the rest is replayed into a second instance that starts from an empty state directory
            try (AlertService second = AlertService.start(config)) {
                produce(
                        topics,
                        corpus.articles().subList(half, corpus.articles().size()));

                // Then every expected alert version arrives, committed
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> poll(consumer, committed) >= corpus.expectedAlertCount());

                // And the latest version of every alert is in alerts-by-id
                Map<String, Integer> finalRevisions = corpus.expectedFinalRevisions();
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() ->
                                assertThat(revisionsInStore(second.streams())).isEqualTo(finalRevisions));

                // And the HTTP API serves an alert's latest version from that store
                String someId = finalRevisions.keySet().iterator().next();
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:"
                                                + second.http().port() + "/alerts/" + someId))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode served = new ObjectMapper().readTree(response.body());
                assertThat(served.get("id").asText()).isEqualTo(someId);
                assertThat(served.get("revision").asInt()).isEqualTo(finalRevisions.get(someId));
                // And other instances are told the port the API actually bound (it was configured as 0)
                assertThat(second.streams().metadataForAllStreamsClients())
                        .anySatisfy(client -> assertThat(client.hostInfo().port())
                                .isEqualTo(second.http().port()));
            }
            LOG.info(
                    "Second instance completed the replay from an empty state directory in {} ms",
                    (System.nanoTime() - restartedAt) / 1_000_000);
            // And nothing more was committed after the expected versions (no late duplicate)
            poll(consumer, committed);
        }

        // Then each alert id is NEW exactly once and each of its versions appears exactly once
        assertEveryVersionExactlyOnce(committed, corpus);
    }

    @Test
    void shouldRestoreFromChangelogsWhenTheRocksDbFilesUnderAKeptCheckpointAreDeleted() throws Exception {
        // Given alert-service that processed the first half of the articles and stopped cleanly (checkpoints written)
        String run = STACK.newRunId("alert-truncated");
        Path stateDir = workDir.resolve("state");
        AlertConfig config = AlertConfig.defaults(STACK.stack().clusterConfig())
                .withApplicationId(run)
                .withTopicPrefix(run + ".")
                .withStateDir(stateDir)
                .withHttpPort(0);
        Topics topics = config.topics();
        createTopicsKeepingOldRecords(topics);
        Corpus corpus = Corpus.generate(new Random(20120306));
        int half = corpus.articles().size() / 2;
        int firstHalfVersions = corpus.articles().subList(0, half).stream()
                .mapToInt(article -> article.getDiplomaticActions().size()
                        + article.getCasualtyFigures().size())
                .sum();
        List<Alert> committed = new ArrayList<>();
        try (KafkaConsumer<String, Alert> consumer = committedConsumer(run, topics.alerts())) {
            try (AlertService first = AlertService.start(config)) {
                produce(topics, corpus.articles().subList(0, half));
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> poll(consumer, committed) >= firstHalfVersions);
            }

            // When every file of its RocksDB stores is deleted, the task and store directories left in place. (This
            // Kafka Streams keeps no .checkpoint file beside the stores after a clean stop: the changelog offsets
            // live in the stores, so deleting a store's files deletes the offsets it could be trusted to.)
            List<Path> deleted = deleteRocksDbFiles(stateDir);
            assertThat(deleted).as("RocksDB files deleted").isNotEmpty();
            try (var files = java.nio.file.Files.walk(stateDir)) {
                assertThat(files.filter(file -> file.getFileName().toString().equals(".checkpoint")))
                        .isEmpty();
            }

            // And it starts again on that state directory and reads the second half
            try (AlertService second = AlertService.start(config)) {
                produce(
                        topics,
                        corpus.articles().subList(half, corpus.articles().size()));

                // Then every expected alert version arrives, and the store holds the latest of each alert
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> poll(consumer, committed) >= corpus.expectedAlertCount());
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(revisionsInStore(second.streams()))
                                .isEqualTo(corpus.expectedFinalRevisions()));
            }
            poll(consumer, committed);
        }

        // And nothing was raised twice or lost: state came back from the changelogs, not from the damaged files
        assertEveryVersionExactlyOnce(committed, corpus);
    }

    /** Each alert id NEW exactly once, each revision and source count exactly once, nothing else. */
    private static void assertEveryVersionExactlyOnce(List<Alert> committed, Corpus corpus) {
        assertThat(committed).hasSize(corpus.expectedAlertCount());
        Map<String, List<Alert>> byId = committed.stream().collect(Collectors.groupingBy(Alert::getId));
        assertThat(byId.keySet()).isEqualTo(corpus.expectedFinalRevisions().keySet());
        byId.forEach((id, versions) -> {
            assertThat(versions.stream().filter(v -> v.getStatus() == AlertStatus.NEW))
                    .as("NEW of " + id)
                    .hasSize(1);
            assertThat(versions)
                    .extracting(Alert::getRevision)
                    .as("revisions of " + id)
                    .containsExactlyInAnyOrderElementsOf(
                            range(corpus.expectedFinalRevisions().get(id) + 1));
            assertThat(versions)
                    .extracting(Alert::getSources)
                    .as("sources of " + id)
                    .containsExactlyInAnyOrderElementsOf(
                            range(versions.size()).stream().map(i -> i + 1).toList());
        });
    }

    /** Deletes every regular file under each {@code rocksdb} directory of the state directory; returns them. */
    private static List<Path> deleteRocksDbFiles(Path stateDir) throws IOException {
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(stateDir)) {
            files = walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(file -> stateDir.relativize(file).toString().contains("rocksdb" + File.separator))
                    .toList();
        }
        for (Path file : files) {
            java.nio.file.Files.delete(file);
        }
        return files;
    }

    /**
     * The articles are of March 2012 and carry their publication time as record time: with the broker's default
     * 7-day retention, the first retention pass would delete them before they are read.
     */
    private static void createTopicsKeepingOldRecords(Topics topics) {
        try (TopicAdmin admin = TopicAdmin.connect(STACK.stack().kafka().clientProperties())) {
            admin.createTopics(topics.all().stream()
                    .map(topic ->
                            new TopicAdmin.TopicSpec(topic.name(), PARTITIONS, (short) 1, Map.of("retention.ms", "-1")))
                    .toList());
        }
    }

    /** Runs {@link AlertMain} in a child JVM with the same classpath, configured as in production: by environment. */
    private Process startInOwnJvm(String run, Path stateDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), AlertMain.class.getName());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", STACK.stack().bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", STACK.stack().schemaRegistryUrl());
        env.put(AlertConfig.ENV_APPLICATION_ID, run);
        env.put(AlertConfig.ENV_TOPIC_PREFIX, run + ".");
        env.put(AlertConfig.ENV_STATE_DIR, stateDir.toString());
        env.put(AlertConfig.ENV_HTTP_PORT, "0");
        // A crashed member must not hold its partitions, nor its open transaction the read_committed readers, long.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_TRANSACTION_TIMEOUT_MS", "5000");
        // Kept under target/ (not the temp dir) so that a failed run can be diagnosed.
        File log = Path.of("target", run + "-first-instance.log").toFile();
        Process process = builder.redirectErrorStream(true).redirectOutput(log).start();
        // Should this JVM exit before the test kills the child, the child must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-first-alert-instance"));
        return process;
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
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<String, Alert> committedConsumer(String run, Topic<String, Alert> topic) {
        Map<String, Object> props = new HashMap<>(STACK.stack().clusterConfig().kafkaProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(
                props, new StringDeserializer(), topic.valueSerde().deserializer());
        consumer.subscribe(List.of(topic.name()));
        return consumer;
    }

    private static int poll(KafkaConsumer<String, Alert> consumer, List<Alert> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            assertThat(record.key()).isEqualTo(record.value().getId());
            into.add(record.value());
        });
        return into.size();
    }

    private static Map<String, Integer> revisionsInStore(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, Alert> store = streams.store(
                StoreQueryParameters.fromNameAndType(AlertTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, Integer> revisions = new HashMap<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> revisions.put(entry.key, entry.value.getRevision()));
        }
        return revisions;
    }

    private static List<Integer> range(int size) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(i);
        }
        return values;
    }

    /**
     * Generated articles and what they must produce. Diplomatic events: distinct (state, action, target) with a
     * date, each reported by 2 to 6 articles. Casualty days: places with days ten days apart (so no baseline applies),
     * each reported by 2 to 4 articles with tolls of at least 25. Each article carries one or two reports of distinct
     * events, so every (event, article) pair is exactly one alert version.
     */
    private record Corpus(List<EnrichedArticle> articles, Map<String, Integer> reportsPerAlert) {

        private static final List<String> STATES = List.of(
                "France", "Italy", "Spain", "Germany", "Canada", "Japan", "Brazil", "India", "Mexico", "Norway",
                "Sweden", "Chile");
        private static final List<String> TARGETS = List.of("Syria", "Iran", "Libya", "Yemen");
        private static final List<DiplomaticActionType> ACTIONS = List.of(
                DiplomaticActionType.RECALL_AMBASSADOR,
                DiplomaticActionType.IMPOSE_SANCTIONS,
                DiplomaticActionType.BREAK_RELATIONS);
        private static final List<String> PLACES = List.of("Homs", "Hama", "Idlib", "Daraa", "Aleppo", "Deir ez-Zor");
        private static final List<String> OUTLETS = List.of("BBC", "CBC", "Reuters", "AP", "AFP", "Al Jazeera");

        int expectedAlertCount() {
            return reportsPerAlert.values().stream().mapToInt(Integer::intValue).sum();
        }

        Map<String, Integer> expectedFinalRevisions() {
            Map<String, Integer> revisions = new HashMap<>();
            reportsPerAlert.forEach((id, reports) -> revisions.put(id, reports - 1));
            return revisions;
        }

        static Corpus generate(Random random) {
            Map<String, Integer> reportsPerAlert = new LinkedHashMap<>();
            List<Report> reports = new ArrayList<>();
            Set<String> used = new TreeSet<>();
            while (reportsPerAlert.size() < 70) {
                String state = STATES.get(random.nextInt(STATES.size()));
                String target = TARGETS.get(random.nextInt(TARGETS.size()));
                DiplomaticActionType type = ACTIONS.get(random.nextInt(ACTIONS.size()));
                if (!used.add(state + type + target)) {
                    continue;
                }
                LocalDate day = FIRST_DAY.plusDays(random.nextInt(20));
                String family = switch (type) {
                    case RECALL_AMBASSADOR -> "downgrade";
                    case IMPOSE_SANCTIONS -> "sanctions";
                    default -> "break";
                };
                String id = "dip-" + slug(state) + "-" + family + "-" + slug(target) + "-" + day;
                int count = 2 + random.nextInt(5);
                reportsPerAlert.put(id, count);
                for (int i = 0; i < count; i++) {
                    reports.add(new Report(
                            id,
                            EnrichedSeeds.action(
                                    type,
                                    state,
                                    List.of(),
                                    target,
                                    day,
                                    Modality.ASSERTED,
                                    "acted",
                                    state + " acted against " + target + " (" + type + ").",
                                    0),
                            null));
                }
            }
            for (String place : PLACES) {
                for (int d = 0; d < 5; d++) {
                    LocalDate day = FIRST_DAY.plusDays(10L * d);
                    String id = "cas-" + slug(place) + "-" + day;
                    int count = 2 + random.nextInt(3);
                    reportsPerAlert.put(id, count);
                    for (int i = 0; i < count; i++) {
                        int toll = 25 + random.nextInt(30);
                        reports.add(new Report(
                                id,
                                null,
                                EnrichedSeeds.killed(
                                        toll,
                                        Integer.toString(toll),
                                        CountBound.EXACT,
                                        place,
                                        day,
                                        "activists",
                                        toll + " were killed in " + place + ".",
                                        0)));
                    }
                }
            }
            Collections.shuffle(reports, random);
            return new Corpus(pack(reports, random), reportsPerAlert);
        }

        /** One or two reports per article, never two of the same event in one article. */
        private static List<EnrichedArticle> pack(List<Report> reports, Random random) {
            List<EnrichedArticle> articles = new ArrayList<>();
            List<Report> pending = new ArrayList<>();
            int wanted = 1 + random.nextInt(2);
            for (Report report : reports) {
                if (pending.stream().anyMatch(p -> p.alertId().equals(report.alertId())) || pending.size() == wanted) {
                    articles.add(article(articles.size(), pending));
                    pending = new ArrayList<>();
                    wanted = 1 + random.nextInt(2);
                }
                pending.add(report);
            }
            if (!pending.isEmpty()) {
                articles.add(article(articles.size(), pending));
            }
            return articles;
        }

        private static EnrichedArticle article(int index, List<Report> reports) {
            Instant published =
                    FIRST_DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(600L * index);
            List<DiplomaticAction> actions =
                    reports.stream().map(Report::action).filter(a -> a != null).toList();
            List<CasualtyFigure> figures =
                    reports.stream().map(Report::figure).filter(f -> f != null).toList();
            return EnrichedSeeds.article(
                    "generated-" + index,
                    OUTLETS.get(index % OUTLETS.size()),
                    "https://example.org/generated/" + index,
                    "Generated " + index,
                    published,
                    actions,
                    figures);
        }

        private static String slug(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    private record Report(String alertId, DiplomaticAction action, CasualtyFigure figure) {}
}
