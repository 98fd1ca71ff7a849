package io.wirewatch.bench.e2e;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertService;
import io.wirewatch.alert.AlertTopology;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.publish.ArticlePublisher;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.streams.StreamsLatency;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertEvidence;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end-to-end run on the embedded stack: fresh topics (own prefix), enrich-service and alert-service started
 * in-process with N stream threads each, articles fed through ingest's own pipeline ({@link IngestPipeline} +
 * {@link ArticlePublisher}, what ingest-service wires) at an offered rate, and a read_committed consumer on
 * {@code articles.enriched} and {@code alerts} timing each record against its article's {@code ingestedAt}.
 * The run ends when every published article is enriched and alert-service has consumed all of them.
 */
final class PipelineRun {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    /** The shape of a run: offered articles/s (0 = as fast as ingest can go), stream threads, partitions. */
    record Scenario(
            String label, double offeredRate, int streamThreads, int partitions, int articles, boolean passThrough) {
        Scenario(String label, double offeredRate, int streamThreads, int partitions, int articles) {
            this(label, offeredRate, streamThreads, partitions, articles, false);
        }

        /** This scenario run through the same topologies with the extractor and the rules as identity functions. */
        Scenario asPassThrough() {
            return new Scenario(label + " pass-through", offeredRate, streamThreads, partitions, articles, true);
        }
    }

    /**
     * What one run measured. Latencies in milliseconds: {@code toEnriched}/{@code toAlert} after the settling
     * seconds of a fixed-rate run (steady state), {@code toAlertAll} every alert record of the run.
     * {@code compileSeconds} is the JIT's compile time during the run: CPU the pipeline did not get.
     */
    record Outcome(
            Scenario scenario,
            int offered,
            int published,
            int enriched,
            int alerts,
            double ingestSeconds,
            double offeredPerSecond,
            double enrichedPerSecond,
            double pipelinePerSecond,
            Histogram toEnriched,
            Histogram toAlert,
            Histogram toAlertAll,
            double compileSeconds,
            Map<String, Long> cpuNanos) {

        /** Milliseconds of CPU per published article, by part of the pipeline (see {@link CpuAccount}). */
        String cpuPerArticle() {
            return CpuAccount.perArticle(cpuNanos, published, published / pipelinePerSecond);
        }
    }

    /** Prefixes of --client-property keys meant for one service only. */
    static final String ENRICH = "enrich";

    static final String ALERT = "alert";
    private static final List<String> SERVICE_PREFIXES = List.of(ENRICH + ".", ALERT + ".");

    private final EmbeddedStack stack;
    private final Path workDir;
    private final Map<String, String> serviceClientProperties;
    private final Duration settle;
    private RuleSettings alertRules;

    /** @param settle how long a fixed-rate run runs before its latencies count as steady state */
    PipelineRun(EmbeddedStack stack, Path workDir, Map<String, String> serviceClientProperties, Duration settle) {
        this.stack = stack;
        this.workDir = workDir;
        this.serviceClientProperties = Map.copyOf(serviceClientProperties);
        this.settle = settle;
    }

    Outcome run(Scenario scenario, List<RawArticle> corpus, int runNumber) throws Exception {
        String prefix = "bench" + runNumber + ".";
        ClusterConfig cluster = stack.clusterConfig();
        Topics topics = Topics.create(cluster.serdeConfig(), prefix);
        // Without Topics.TOPIC_CONFIGS (no time retention) the broker deletes articles whose event time is years old
        // while they wait to be enriched: a long flat-out run lost 1,144 of 5,858 articles and its enrich stalled.
        stack.createTopics(
                scenario.partitions(),
                Topics.TOPIC_CONFIGS,
                topics.all().stream().map(t -> t.name()).toArray(String[]::new));
        Path runDir = Files.createDirectories(workDir.resolve("run" + runNumber));

        EnrichConfig enrichConfig = new EnrichConfig(
                serviceCluster(cluster, ENRICH),
                "bench-enrich-" + runNumber,
                scenario.streamThreads(),
                runDir.resolve("enrich"),
                stack.kafka().replicationFactor(),
                commitInterval(ENRICH),
                prefix,
                EnrichConfig.defaults(cluster).deadLetterMaxBytes());
        AlertConfig alertConfig = alertConfig(scenario, runNumber);
        IngestConfig ingestConfig = IngestConfig.defaults(cluster);

        try (EnrichService enrich =
                        scenario.passThrough() ? startPassThrough(enrichConfig) : EnrichService.start(enrichConfig);
                AlertService alert =
                        scenario.passThrough() ? startPassThrough(alertConfig) : AlertService.start(alertConfig);
                ArticlePublisher publisher =
                        ArticlePublisher.create(cluster.kafkaProperties(), topics, "bench-ingest-" + runNumber);
                Admin admin = Admin.create(cluster.kafkaProperties());
                Watcher watcher = new Watcher(cluster, topics, scenario.partitions())) {
            watcher.start();
            // The watcher must already be reading (positions known on every partition) when the first article goes
            // in, or its own start-up is timed as pipeline latency.
            await("services running and watcher reading")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> enrich.state() == KafkaStreams.State.RUNNING
                            && alert.streams().state() == KafkaStreams.State.RUNNING
                            && watcher.positions.size() == 2 * scenario.partitions());
            IngestPipeline ingest = new IngestPipeline(
                    publisher,
                    new SeenArticles(),
                    new NearDuplicateIndex(ingestConfig.nearDuplicateThreshold(), ingestConfig.nearDuplicateWindow()),
                    Clock.systemUTC(),
                    ingestConfig.maxArticleBytes());

            LOG.info(
                    "bench run {} ({}): services running, feeding {} articles",
                    runNumber,
                    scenario.label(),
                    scenario.articles());
            long compileMillisBefore = compileMillis();
            CpuAccount.Snapshot cpuBefore = CpuAccount.snapshot();
            Map<String, Long> requestsBefore = BrokerRequests.snapshot();
            long start = System.nanoTime();
            // A fixed-rate run is timed after it settles: a new application's first seconds (first transactions,
            // topic metadata, JIT of new paths) are start-up, not the steady state an operator lives with.
            long steadyFrom = System.currentTimeMillis() + (scenario.offeredRate() > 0 ? settle.toMillis() : 0);
            int published = 0;
            for (int i = 0; i < scenario.articles(); i++) {
                if (scenario.offeredRate() > 0) {
                    // Pacing to the offered rate (an open-loop load), not waiting for a condition.
                    long due = start + (long) (i * 1e9 / scenario.offeredRate());
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        LockSupport.parkNanos(early);
                    }
                }
                if (ingest.ingest(corpus.get(i % corpus.size())).kind() == IngestPipeline.Outcome.Kind.PUBLISHED) {
                    published++;
                }
            }
            publisher.flush();
            long ingestEnd = System.nanoTime();
            int expected = published;
            Duration timeout = Duration.ofSeconds(60 + scenario.articles() / 20);
            String enrichedTopic = topics.articlesEnriched().name();
            try {
                await("every article enriched")
                        .atMost(timeout)
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> watcher.enriched.get() >= expected);
            } catch (ConditionTimeoutException e) {
                // Say where the articles stopped, or a stuck run is a mystery after the fact.
                List<TopicPartition> rawPartitions = IntStream.range(0, scenario.partitions())
                        .mapToObj(p -> new TopicPartition(topics.articlesRaw().name(), p))
                        .toList();
                LOG.error(
                        "run {} stuck: published {}, enriched read {}; articles.raw ends {}, enrich committed {}; "
                                + "articles.enriched ends {}, watcher at {}; dead letters end {}",
                        runNumber,
                        expected,
                        watcher.enriched.get(),
                        endOffsets(admin, rawPartitions),
                        admin.listConsumerGroupOffsets(enrichConfig.applicationId())
                                .partitionsToOffsetAndMetadata()
                                .get(),
                        endOffsets(admin, enrichedTopic, scenario.partitions()),
                        watcher.positions,
                        endOffsets(admin, topics.deadLetters().name(), scenario.partitions()));
                throw e;
            }
            List<TopicPartition> alertInputs = alertInputs(admin, alertConfig.applicationId(), topics);
            // A transaction marker per partition may sit after the last record the group has committed.
            await("alert-service caught up")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> lag(admin, alertConfig.applicationId(), alertInputs) <= alertInputs.size());
            long alertsDone = System.nanoTime();
            CpuAccount.Snapshot cpuAfter = CpuAccount.snapshot();
            Map<String, Long> cpu = CpuAccount.between(cpuBefore, cpuAfter);
            LOG.info("bench run {} threads by CPU:{}", runNumber, CpuAccount.topThreads(cpuBefore, cpuAfter, 30));
            LOG.info(
                    "bench run {} broker requests (per published article): {}",
                    runNumber,
                    BrokerRequests.perArticle(requestsBefore, BrokerRequests.snapshot(), published));
            // Exactly-once: alert-service committed its input offsets in the transaction that wrote its alerts, so
            // every alert now exists; wait until the watcher has read up to the end of the alerts topic.
            Map<TopicPartition, Long> alertEnds =
                    endOffsets(admin, topics.alerts().name(), scenario.partitions());
            await("every alert read")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> watcher.hasReached(alertEnds));

            double enrichedSeconds = (watcher.lastEnrichedNanos.get() - start) / 1e9;
            double pipelineSeconds = (alertsDone - start) / 1e9;
            Outcome outcome = new Outcome(
                    scenario,
                    scenario.articles(),
                    published,
                    (int) watcher.enriched.get(),
                    (int) watcher.alerts.get(),
                    (ingestEnd - start) / 1e9,
                    scenario.articles() / ((ingestEnd - start) / 1e9),
                    published / enrichedSeconds,
                    published / pipelineSeconds,
                    watcher.enrichedLatencies(steadyFrom),
                    watcher.alertLatencies(steadyFrom),
                    watcher.alertLatencies(0),
                    (compileMillis() - compileMillisBefore) / 1000.0,
                    cpu);
            LOG.info("bench run {} done: {}", runNumber, outcome);
            LOG.info("bench run {} CPU: {}", runNumber, outcome.cpuPerArticle());
            LOG.info(
                    "bench run {} alerts: {} versions of {} alerts, {} bytes on average, largest {} bytes, most "
                            + "evidence {}, most sources {}; enriched articles {} bytes on average",
                    runNumber,
                    watcher.alerts.get(),
                    watcher.alertIds.size(),
                    watcher.alertBytes.get() / Math.max(1, watcher.alerts.get()),
                    watcher.largestAlertBytes.get(),
                    watcher.largestEvidence.get(),
                    watcher.largestSources.get(),
                    watcher.enrichedBytes.get() / Math.max(1, watcher.enriched.get()));
            return outcome;
        }
    }

    /**
     * alert-service's configuration in run {@code runNumber}: its application id, topics and state directory, for a
     * caller that restarts it after the run (bench growth's restore times).
     */
    /** This runner with alert-service's rules set to {@code rules} (null: its defaults). */
    PipelineRun withAlertRules(RuleSettings rules) {
        this.alertRules = rules;
        return this;
    }

    AlertConfig alertConfig(Scenario scenario, int runNumber) {
        AlertConfig alertDefaults = AlertConfig.defaults(stack.clusterConfig());
        return new AlertConfig(
                serviceCluster(stack.clusterConfig(), ALERT),
                "bench-alert-" + runNumber,
                scenario.streamThreads(),
                workDir.resolve("run" + runNumber).resolve("alert"),
                alertDefaults.advertisedHost(),
                0,
                alertRules == null ? alertDefaults.rules() : alertRules,
                "bench" + runNumber + ".",
                stack.kafka().replicationFactor(),
                commitInterval(ALERT));
    }

    /** enrich-service as EnrichService.start(config) starts it, on the topology that extracts nothing. */
    private static EnrichService startPassThrough(EnrichConfig config) {
        MeterRegistry registry = PrometheusMetrics.newRegistry();
        return EnrichService.start(
                config, registry, EnrichTopology.buildPassThrough(config, config.topics(), registry));
    }

    /** alert-service as AlertService.start(config) starts it, on the topology whose rules are identity functions. */
    private static AlertService startPassThrough(AlertConfig config) {
        MeterRegistry registry = PrometheusMetrics.newRegistry();
        return AlertService.start(
                config,
                HttpOptions.defaults().withPort(config.httpPort()),
                registry,
                AlertTopology.buildPassThrough(config, config.topics(), registry));
    }

    private static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * {@code cluster} with the client properties that {@code service} gets: every property without a service prefix,
     * then those prefixed {@code service.} (e.g. {@code alert.max.poll.records}) without their prefix, which win.
     */
    ClusterConfig serviceCluster(ClusterConfig cluster, String service) {
        return serviceProperties(serviceClientProperties, service).entrySet().stream()
                .reduce(
                        cluster,
                        (config, property) -> config.withClientProperty(property.getKey(), property.getValue()),
                        (a, b) -> b);
    }

    /** The properties of {@code service} (see {@link #serviceCluster}), in the order given, prefixed ones last. */
    static Map<String, String> serviceProperties(Map<String, String> properties, String service) {
        Map<String, String> own = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (SERVICE_PREFIXES.stream().noneMatch(key::startsWith)) {
                own.put(key, value);
            }
        });
        properties.forEach((key, value) -> {
            if (key.startsWith(service + ".")) {
                own.put(key.substring(service.length() + 1), value);
            }
        });
        return own;
    }

    /**
     * Both services set their commit interval themselves (*_COMMIT_INTERVAL_MS, the exactly-once stage's wait); a
     * --client-property {@code commit.interval.ms} sets both, {@code enrich.commit.interval.ms} or
     * {@code alert.commit.interval.ms} one.
     */
    private Duration commitInterval(String service) {
        String override = serviceProperties(serviceClientProperties, service).get("commit.interval.ms");
        return override == null ? StreamsLatency.DEFAULT_COMMIT_INTERVAL : Duration.ofMillis(Long.parseLong(override));
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions) throws Exception {
        return endOffsets(
                admin,
                IntStream.range(0, partitions)
                        .mapToObj(p -> new TopicPartition(topic, p))
                        .toList());
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Every partition alert-service reads: the shares topics enrich-service writes, and any repartition topic of its
     * own (it has none now; a topology that re-keys again must not be timed as caught up before its second stage).
     */
    static List<TopicPartition> alertInputs(Admin admin, String applicationId, Topics catalogue) throws Exception {
        List<String> topics = new ArrayList<>(List.of(
                catalogue.diplomaticByEvent().name(),
                catalogue.casualtiesByPlace().name()));
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .forEach(topics::add);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .values()
                .forEach(description -> description
                        .partitions()
                        .forEach(info -> partitions.add(new TopicPartition(description.name(), info.partition()))));
        return partitions;
    }

    /** Records on the partitions not yet committed by the consumer group. */
    static long lag(Admin admin, String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        long lag = 0;
        for (var end : endOffsets(admin, partitions).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /**
     * Reads {@code articles.enriched} and {@code alerts} (read_committed, as a downstream client would see them) on
     * its own thread and times every record from its article's {@code ingestedAt} to the moment it is consumed.
     */
    private static final class Watcher implements AutoCloseable {
        final AtomicLong enriched = new AtomicLong();
        final AtomicLong alerts = new AtomicLong();
        final AtomicLong alertBytes = new AtomicLong();
        final AtomicLong largestAlertBytes = new AtomicLong();
        final AtomicLong largestEvidence = new AtomicLong();
        final AtomicLong largestSources = new AtomicLong();
        final AtomicLong enrichedBytes = new AtomicLong();
        /** Alert ids seen (the watcher thread only writes it). */
        final Set<String> alertIds = ConcurrentHashMap.newKeySet();

        final AtomicLong lastEnrichedNanos = new AtomicLong();
        /** Per enriched record: when it was consumed and its ingest->enriched latency. */
        private final List<long[]> enrichedTimes = new ArrayList<>();

        private final Map<String, Long> ingestedAt = new ConcurrentHashMap<>();
        /** Read positions, published by the watcher thread (the consumer itself must stay on that thread). */
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        /** Per alert record: the article that triggered it (latest evidence) and when the alert was consumed. */
        private final List<long[]> alertTimes = new ArrayList<>();

        private final List<String> alertArticles = new ArrayList<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final Deserializer<EnrichedArticle> enrichedDecoder;
        private final Deserializer<Alert> alertDecoder;
        private final String enrichedTopic;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watcher(ClusterConfig cluster, Topics topics, int partitions) {
            Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            enrichedTopic = topics.articlesEnriched().name();
            String alertTopic = topics.alerts().name();
            consumer.assign(Stream.of(enrichedTopic, alertTopic)
                    .flatMap(t -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(t, p)))
                    .toList());
            enrichedDecoder = topics.articlesEnriched().valueSerde().deserializer();
            alertDecoder = topics.alerts().valueSerde().deserializer();
            thread = new Thread(this::consume, "bench-watcher");
        }

        void start() {
            thread.start();
        }

        /** True once this watcher's read position is at or past {@code ends} on every partition given. */
        boolean hasReached(Map<TopicPartition, Long> ends) {
            return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
        }

        private void consume() {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    long now = System.currentTimeMillis();
                    if (record.topic().equals(enrichedTopic)) {
                        EnrichedArticle article = enrichedDecoder.deserialize(record.topic(), record.value());
                        enrichedBytes.addAndGet(record.value().length);
                        long ingested = article.getIngestedAt().toEpochMilli();
                        ingestedAt.put(article.getArticleId(), ingested);
                        synchronized (enrichedTimes) {
                            enrichedTimes.add(new long[] {now, Math.max(0, now - ingested)});
                        }
                        lastEnrichedNanos.set(System.nanoTime());
                        enriched.incrementAndGet();
                    } else {
                        Alert alert = alertDecoder.deserialize(record.topic(), record.value());
                        alert.getEvidence().stream()
                                .max(Comparator.comparing(AlertEvidence::getSeenAt))
                                .ifPresent(trigger -> {
                                    synchronized (alertTimes) {
                                        alertTimes.add(new long[] {now});
                                        alertArticles.add(trigger.getArticleId());
                                    }
                                });
                        alerts.incrementAndGet();
                        alertBytes.addAndGet(record.value().length);
                        largestAlertBytes.accumulateAndGet(record.value().length, Math::max);
                        largestEvidence.accumulateAndGet(alert.getEvidence().size(), Math::max);
                        largestSources.accumulateAndGet(alert.getSources(), Math::max);
                        alertIds.add(alert.getId());
                    }
                }
            }
        }

        /** Ingest->enriched latencies of the records consumed at or after {@code fromMillis}. */
        Histogram enrichedLatencies(long fromMillis) {
            Histogram histogram = new Histogram(3_600_000L, 3);
            synchronized (enrichedTimes) {
                for (long[] sample : enrichedTimes) {
                    if (sample[0] >= fromMillis) {
                        histogram.recordValue(sample[1]);
                    }
                }
            }
            return histogram;
        }

        /**
         * Alert latencies of the alert records consumed at or after {@code fromMillis}, each matched to the ingest
         * time of the article that triggered it.
         */
        Histogram alertLatencies(long fromMillis) {
            Histogram histogram = new Histogram(3_600_000L, 3);
            synchronized (alertTimes) {
                for (int i = 0; i < alertTimes.size(); i++) {
                    Long ingested = ingestedAt.get(alertArticles.get(i));
                    long consumed = alertTimes.get(i)[0];
                    if (ingested != null && consumed >= fromMillis) {
                        histogram.recordValue(Math.max(0, consumed - ingested));
                    }
                }
            }
            return histogram;
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close();
        }
    }

    /** Removes a run's state directories once its services have stopped. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
