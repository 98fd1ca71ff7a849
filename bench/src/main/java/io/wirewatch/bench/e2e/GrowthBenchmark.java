package io.wirewatch.bench.e2e;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertService;
import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.bench.corpus.CorpusGenerator;
import io.wirewatch.bench.corpus.GeneratedArticle;
import io.wirewatch.bench.e2e.PipelineRun.Outcome;
import io.wirewatch.bench.e2e.PipelineRun.Scenario;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Cost as work grows (issue 15, part 3): for each article count, a feed of generated articles spanning several years
 * of event time in publication order goes through the whole pipeline flat out (as in {@code bench e2e}); then
 * alert-service's state is measured on disk, alert-service is restarted on its state directory and on an empty one
 * (a full restore from the changelogs and the alerts topic), and the same enriched articles are replayed through a
 * second alert-service whose rule state never expires, for the size the stores would have without expiry and the
 * alerts it raises.
 */
@Command(
        name = "growth",
        mixinStandardHelpOptions = true,
        description = "Throughput, heap, state size on disk and restore time as the articles (and years) grow.")
public final class GrowthBenchmark implements Callable<Integer> {

    private static final List<String> RULE_STORES = List.of(
            AlertTopology.CASUALTY_DAYS_STORE,
            AlertTopology.PLACE_BASELINES_STORE,
            AlertTopology.DIPLOMATIC_EVENTS_STORE);
    private static final List<String> STORES = Stream.concat(
                    RULE_STORES.stream(), Stream.of(AlertTopology.ALERTS_STORE))
            .toList();

    @Option(names = "--articles", split = ",", description = "Article counts, one run each (default: 10000,50000).")
    List<Integer> articles = List.of(10_000, 50_000);

    @Option(names = "--years", description = "Years of event time each feed spans (default: ${DEFAULT-VALUE}).")
    int years = 5;

    @Option(names = "--first-day", description = "The feed's first day (default: ${DEFAULT-VALUE}).")
    LocalDate firstDay = LocalDate.of(2015, 1, 1);

    @Option(names = "--partitions", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--threads", description = "Stream threads per service (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(
            names = "--warmup-articles",
            description = "Articles of a first, unreported run that warms the JIT "
                    + "(default: ${DEFAULT-VALUE}; 0 for none).")
    int warmupArticles = 3_000;

    @Option(
            names = "--retention-days",
            description = "alert-service's ALERT_STATE_RETENTION_DAYS in the measured runs "
                    + "(default: the service's default; 0 keeps the rules' state for ever).")
    Integer retentionDays;

    @Option(names = "--no-compare", description = "Skip the replay through an alert-service whose state never expires.")
    boolean noCompare;

    @Option(names = "--corpus-seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long corpusSeed = 42;

    @Option(
            names = "--client-property",
            paramLabel = "KEY=VALUE",
            description =
                    "A Kafka client or Streams " + "property handed to enrich and alert, as in bench e2e; repeatable.")
    Map<String, String> clientProperties = new LinkedHashMap<>();

    /** One article count's figures. */
    record Growth(
            int articles,
            Outcome outcome,
            double loadBefore,
            double loadAfter,
            long peakHeapBytes,
            long heapAfterGcBytes,
            Map<String, Long> storeBytes,
            Map<String, Long> storeEntries,
            long changelogRecords,
            double restartSeconds,
            double restoreSeconds,
            Map<String, Long> keptAllBytes,
            Map<String, Long> keptAllEntries,
            AlertCount alerts,
            AlertCount keptAllAlerts) {}

    /** Alert versions on a topic: all, NEW ones, distinct ids, and a few ids raised NEW more than once. */
    record AlertCount(long versions, long news, long ids, List<String> raisedTwice) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d versions (%,d NEW) of %,d alerts%s",
                    versions,
                    news,
                    ids,
                    raisedTwice.isEmpty() ? "" : "; NEW twice e.g. " + raisedTwice);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path workDir = Files.createTempDirectory("wirewatch-growth-");
        List<Growth> results = new ArrayList<>();
        int run = 0;
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.defaults())) {
            PipelineRun runner = new PipelineRun(stack, workDir, clientProperties, Duration.ofSeconds(5))
                    .withAlertRules(
                            retentionDays == null
                                    ? null
                                    : AlertConfig.defaults(stack.clusterConfig())
                                            .rules()
                                            .withStateRetentionDays(retentionDays));
            if (warmupArticles > 0) {
                runner.run(
                        new Scenario("warm-up", 0, threads, partitions, warmupArticles),
                        feed(warmupArticles, corpusSeed + 1),
                        run);
                PipelineRun.deleteRecursively(workDir.resolve("run" + run));
                run++;
            }
            for (int count : articles) {
                results.add(measure(stack, runner, workDir, count, run++));
                System.out.println(table(results));
            }
        } finally {
            PipelineRun.deleteRecursively(workDir);
        }
        System.out.println(table(results));
        return 0;
    }

    private Growth measure(EmbeddedStack stack, PipelineRun runner, Path workDir, int count, int run) throws Exception {
        List<RawArticle> feed = feed(count, corpusSeed);
        Scenario scenario = new Scenario(
                String.format(Locale.ROOT, "%,d articles over %d years", count, years), 0, threads, partitions, count);
        double loadBefore = loadAverage();
        Outcome outcome;
        long peakHeap;
        try (HeapSampler heap = new HeapSampler()) {
            outcome = runner.run(scenario, feed, run);
            peakHeap = heap.peak();
        }
        System.gc();
        long heapAfterGc =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double loadAfter = loadAverage();

        AlertConfig config = runner.alertConfig(scenario, run);
        Path stateDir = config.stateDir().resolve(config.applicationId());
        Map<String, Long> bytes = storeBytes(stateDir);
        long changelogRecords;
        try (Admin admin = Admin.create(stack.clusterConfig().kafkaProperties())) {
            changelogRecords = changelogRecords(admin, config);
        }

        // A restart on the state directory the run left (a clean stop: RocksDB and its offsets are there).
        Map<String, Long> entries = new TreeMap<>();
        double restartSeconds = timedStart(
                config,
                streams -> STORES.forEach(store -> entries.put(
                        store,
                        streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
                                .approximateNumEntries())));
        // A restart on an empty state directory: every store restored from its changelog (alerts-by-id from alerts).
        AlertConfig fresh = config.withStateDir(workDir.resolve("run" + run).resolve("alert-restored"));
        double restoreSeconds = timedStart(fresh, streams -> {});

        AlertCount alerts = countAlerts(stack, config.topics());
        Map<String, Long> keptAllBytes = Map.of();
        Map<String, Long> keptAllEntries = new TreeMap<>();
        AlertCount keptAllAlerts = null;
        if (!noCompare) {
            AlertConfig keepAll = config.withApplicationId(config.applicationId() + "-keep-all")
                    .withTopicPrefix("bench" + run + "-keep-all.")
                    .withStateDir(workDir.resolve("run" + run).resolve("alert-keep-all"))
                    .withRules(config.rules().withStateRetentionDays(0));
            replayKeepingAll(stack, config, keepAll, keptAllEntries);
            keptAllBytes = storeBytes(keepAll.stateDir().resolve(keepAll.applicationId()));
            keptAllAlerts = countAlerts(stack, keepAll.topics());
        }
        Growth growth = new Growth(
                count,
                outcome,
                loadBefore,
                loadAfter,
                peakHeap,
                heapAfterGc,
                bytes,
                entries,
                changelogRecords,
                restartSeconds,
                restoreSeconds,
                keptAllBytes,
                keptAllEntries,
                alerts,
                keptAllAlerts);
        // Each run's state would otherwise pile up on a small disk.
        PipelineRun.deleteRecursively(workDir.resolve("run" + run));
        return growth;
    }

    /** The generated feed of {@code count} articles over {@link #years} years from {@link #firstDay}. */
    private List<RawArticle> feed(int count, long seed) {
        List<GeneratedArticle> generated =
                CorpusGenerator.chronological(CorpusGenerator.Settings.defaults(count, seed), firstDay, years * 365);
        return generated.stream()
                .map(a -> new RawArticle(
                        a.id(), a.url(), a.source(), a.title(), a.publishedAt(), a.text(), "bench:" + a.id()))
                .toList();
    }

    /** Starts alert-service on {@code config}, runs {@code whileRunning} once it is RUNNING, stops it: seconds to RUNNING. */
    private static double timedStart(AlertConfig config, java.util.function.Consumer<KafkaStreams> whileRunning) {
        long start = System.nanoTime();
        try (AlertService alert = AlertService.start(config)) {
            await("alert-service running")
                    .atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> alert.streams().state() == KafkaStreams.State.RUNNING);
            double seconds = (System.nanoTime() - start) / 1e9;
            whileRunning.accept(alert.streams());
            return seconds;
        }
    }

    /**
     * Replays the run's enriched articles through another alert-service (own application id, own alerts topic) whose
     * rule state never expires, until it has consumed all of them; its stores' entries go into {@code entries}.
     */
    private void replayKeepingAll(EmbeddedStack stack, AlertConfig run, AlertConfig keepAll, Map<String, Long> entries)
            throws Exception {
        Topics own = keepAll.topics();
        stack.createTopics(
                partitions,
                Topics.TOPIC_CONFIGS,
                own.alerts().name(),
                own.deadLetters().name());
        // The run's shares of the enriched articles in, this service's own alerts and dead letters out.
        Topics topics = new Topics(
                own.articlesRaw(),
                run.topics().articlesEnriched(),
                run.topics().diplomaticByEvent(),
                run.topics().casualtiesByPlace(),
                own.alerts(),
                own.deadLetters());
        MeterRegistry registry = PrometheusMetrics.newRegistry();
        try (AlertService alert = AlertService.start(
                        keepAll,
                        HttpOptions.defaults().withPort(0),
                        registry,
                        AlertTopology.build(keepAll, topics, registry));
                Admin admin = Admin.create(stack.clusterConfig().kafkaProperties())) {
            await("keep-all alert-service running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> alert.streams().state() == KafkaStreams.State.RUNNING);
            await("keep-all replay done")
                    .atMost(Duration.ofHours(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        List<TopicPartition> inputs = PipelineRun.alertInputs(admin, keepAll.applicationId(), topics);
                        return inputs.size() > partitions
                                && PipelineRun.lag(admin, keepAll.applicationId(), inputs) <= inputs.size();
                    });
            STORES.forEach(store -> entries.put(
                    store,
                    alert.streams()
                            .store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
                            .approximateNumEntries()));
        }
    }

    /** Bytes on disk per store (every task's RocksDB directory of that name, all files). */
    static Map<String, Long> storeBytes(Path applicationStateDir) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        if (!Files.isDirectory(applicationStateDir)) {
            return bytes;
        }
        try (Stream<Path> tasks = Files.list(applicationStateDir)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                Path rocksdb = task.resolve("rocksdb");
                if (!Files.isDirectory(rocksdb)) {
                    continue;
                }
                try (Stream<Path> stores = Files.list(rocksdb)) {
                    for (Path store : stores.toList()) {
                        bytes.merge(store.getFileName().toString(), sizeOf(store), Long::sum);
                    }
                }
            }
        }
        return bytes;
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records (tombstones included) in the rule stores' changelogs and the alerts topic: what a full restore reads. */
    private long changelogRecords(Admin admin, AlertConfig config) throws Exception {
        long records = 0;
        List<String> topics = new ArrayList<>();
        RULE_STORES.forEach(store -> topics.add(config.applicationId() + "-" + store + "-changelog"));
        topics.add(config.topics().alerts().name());
        for (String topic : topics) {
            records += PipelineRun.endOffsets(admin, topic, partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
        return records;
    }

    /** Every alert version on the alerts topic of {@code topics}, read_committed from the beginning to the end. */
    private AlertCount countAlerts(EmbeddedStack stack, Topics topics) throws Exception {
        Map<String, Object> props = new HashMap<>(stack.clusterConfig().kafkaProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = topics.alerts().name();
        Deserializer<Alert> decoder = topics.alerts().valueSerde().deserializer();
        Map<TopicPartition, Long> ends;
        try (Admin admin = Admin.create(stack.clusterConfig().kafkaProperties())) {
            ends = PipelineRun.endOffsets(admin, topic, partitions);
        }
        long versions = 0;
        long news = 0;
        Set<String> ids = new HashSet<>();
        Map<String, String> firstNew = new HashMap<>();
        List<String> raisedTwice = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            // read_committed stops before the last transaction marker: done when every position reaches the end or
            // one short of it.
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue() - 1)
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Alert alert = decoder.deserialize(topic, record.value());
                    versions++;
                    news += alert.getStatus() == AlertStatus.NEW ? 1 : 0;
                    ids.add(alert.getId());
                    if (alert.getStatus() == AlertStatus.NEW) {
                        String seen = "p" + record.partition() + "@" + record.offset() + " ts " + record.timestamp()
                                + " ev " + alert.getEventDate() + " src "
                                + alert.getEvidence().get(0).getArticleId();
                        String before = firstNew.putIfAbsent(alert.getId(), seen);
                        if (before != null && raisedTwice.size() < 5) {
                            raisedTwice.add(alert.getId() + " [" + before + " | " + seen + "]");
                        }
                    }
                }
            }
        }
        return new AlertCount(versions, news, ids.size(), raisedTwice);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String table(List<Growth> results) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nCost as work grows (%d cores; broker, "
                        + "registry, ingest, enrich, alert share one JVM; stores are alert-service's, all tasks):%n%n",
                Runtime.getRuntime().availableProcessors()));
        out.append("| articles | published | articles/s | CPU ms per article | peak heap | heap after GC "
                + "| rule stores on disk | of which casualty-days / place-baselines / diplomatic-events "
                + "| same without expiry | alerts-by-id on disk | restart (state kept) | restore (empty state) "
                + "| records restored | load average before / after |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
        for (Growth g : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %,.0f | %.2f | %s | %s | %s | %s / %s / %s | %s | %s | %.1f s | %.1f s | %,d | %.1f / %.1f |%n",
                    g.articles(),
                    g.outcome().published(),
                    g.outcome().pipelinePerSecond(),
                    CpuAccount.totalPerArticle(
                            g.outcome().cpuNanos(), g.outcome().published()),
                    mb(g.peakHeapBytes()),
                    mb(g.heapAfterGcBytes()),
                    mb(ruleBytes(g.storeBytes())),
                    mb(g.storeBytes().getOrDefault(AlertTopology.CASUALTY_DAYS_STORE, 0L)),
                    mb(g.storeBytes().getOrDefault(AlertTopology.PLACE_BASELINES_STORE, 0L)),
                    mb(g.storeBytes().getOrDefault(AlertTopology.DIPLOMATIC_EVENTS_STORE, 0L)),
                    g.keptAllBytes().isEmpty() ? "n/a" : mb(ruleBytes(g.keptAllBytes())),
                    mb(g.storeBytes().getOrDefault(AlertTopology.ALERTS_STORE, 0L)),
                    g.restartSeconds(),
                    g.restoreSeconds(),
                    g.changelogRecords(),
                    g.loadBefore(),
                    g.loadAfter()));
        }
        out.append("\nEntries (approximate, RocksDB's estimate), with expiry -> without:\n");
        for (Growth g : results) {
            StringBuilder line = new StringBuilder();
            for (String store : STORES) {
                line.append(String.format(
                        Locale.ROOT,
                        " %s %,d -> %s;",
                        store,
                        g.storeEntries().getOrDefault(store, 0L),
                        g.keptAllEntries().containsKey(store)
                                ? String.format(
                                        Locale.ROOT, "%,d", g.keptAllEntries().get(store))
                                : "n/a"));
            }
            out.append(String.format(Locale.ROOT, "- %,d articles:%s%n", g.articles(), line));
            out.append(String.format(
                    Locale.ROOT,
                    "  alerts with expiry: %s; without: %s%n",
                    g.alerts(),
                    g.keptAllAlerts() == null ? "n/a" : g.keptAllAlerts()));
            out.append(String.format(
                    Locale.ROOT,
                    "  CPU by part (ms per article): %s%n",
                    g.outcome().cpuPerArticle()));
        }
        return out.toString();
    }

    private static long ruleBytes(Map<String, Long> bytes) {
        return RULE_STORES.stream()
                .mapToLong(store -> bytes.getOrDefault(store, 0L))
                .sum();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Samples the heap in use every 100 ms on its own thread; {@link #peak()} is the most seen. */
    private static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "growth-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(1_000);
        }
    }
}
