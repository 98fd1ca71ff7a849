package io.wirewatch.launcher.reliability;

import static org.awaitility.Awaitility.await;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.launcher.ConsumerLag;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One pipeline run of a reliability test on a shared embedded stack: its own topic prefix and application ids (so
 * runs in one stack do not meet), the service configurations pointing at them, and what the tests watch while they
 * inject faults — how far a service's consumer group has committed, who holds partitions, and when everything is idle.
 */
final class ReliabilityPipeline implements AutoCloseable {

    /**
     * A crashed or departed member must not hold its partitions long: 6 s instead of Streams' 45 s. Heartbeats every
     * 2 s leave room for a busy machine.
     */
    static final Map<String, String> FAST_FAILOVER =
            Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "2000");

    private static final Set<TransactionState> CLOSED_TRANSACTION_STATES =
            EnumSet.of(TransactionState.EMPTY, TransactionState.COMPLETE_COMMIT, TransactionState.COMPLETE_ABORT);

    private final EmbeddedStack stack;
    private final String run;
    private final Path workDir;
    private final ClusterConfig cluster;
    private final Topics topics;
    private final Admin admin;

    private ReliabilityPipeline(EmbeddedStack stack, String run, Path workDir, ClusterConfig cluster) {
        this.stack = stack;
        this.run = run;
        this.workDir = workDir;
        this.cluster = cluster;
        this.topics = Topics.create(cluster.serdeConfig(), run + ".");
        this.admin = Admin.create(stack.clusterConfig().kafkaProperties());
    }

    /** Creates this run's topics ({@link Topics#TOPIC_CONFIGS}, so 2012 event times are kept) on {@code stack}. */
    static ReliabilityPipeline create(EmbeddedStack stack, String run, int partitions, Path workDir) {
        ClusterConfig cluster = stack.clusterConfig();
        for (var property : FAST_FAILOVER.entrySet()) {
            cluster = cluster.withClientProperty(property.getKey(), property.getValue());
        }
        ReliabilityPipeline pipeline = new ReliabilityPipeline(stack, run, workDir, cluster);
        stack.createTopics(
                partitions,
                Topics.TOPIC_CONFIGS,
                pipeline.topics.all().stream().map(Topic::name).toArray(String[]::new));
        return pipeline;
    }

    Topics topics() {
        return topics;
    }

    ClusterConfig cluster() {
        return cluster;
    }

    String enrichApplicationId() {
        return run + "-enrich";
    }

    String alertApplicationId() {
        return run + "-alert";
    }

    /**
     * Enrich on this run's topics, with a state directory of its own and no health server; Streams' topics replicated
     * as the cluster's are (3 on three brokers).
     */
    EnrichConfig enrichConfig(String instance) {
        return EnrichConfig.defaults(cluster)
                .withApplicationId(enrichApplicationId())
                .withTopicPrefix(run + ".")
                .withStateDir(workDir.resolve("enrich-" + instance))
                .withHealthPort(EnrichConfig.NO_HEALTH_SERVER)
                .withReplicationFactor(stack.kafka().replicationFactor());
    }

    /** Alert on this run's topics, with a state directory of its own, its HTTP API on a free port, replicated state. */
    AlertConfig alertConfig(String instance) {
        return AlertConfig.defaults(cluster)
                .withApplicationId(alertApplicationId())
                .withTopicPrefix(run + ".")
                .withStateDir(workDir.resolve("alert-" + instance))
                .withHttpPort(0)
                .withReplicationFactor(stack.kafka().replicationFactor());
    }

    IngestConfig ingestConfig() {
        return IngestConfig.defaults(cluster).withTopicPrefix(run + ".").withHttpPort(-1);
    }

    /**
     * Starts {@code mainClass} (EnrichMain or AlertMain) as a child JVM on this run, configured the way a container
     * would be: by environment variables. Its output goes to {@code target/<run>-<name>.log} for diagnosis.
     */
    Process startChildJvm(Class<?> mainClass, String name, Map<String, String> serviceEnvironment) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), mainClass.getName());
        Map<String, String> env = builder.environment();
        env.put(ClusterConfig.ENV_BOOTSTRAP, stack.bootstrapServers());
        env.put(ClusterConfig.ENV_REGISTRY, stack.schemaRegistryUrl());
        env.put("WIREWATCH_TOPIC_PREFIX", run + ".");
        env.put("KAFKA_SESSION_TIMEOUT_MS", FAST_FAILOVER.get("session.timeout.ms"));
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", FAST_FAILOVER.get("heartbeat.interval.ms"));
        // The killed instance's open transaction blocks read_committed readers until the broker aborts it.
        env.put("KAFKA_TRANSACTION_TIMEOUT_MS", "5000");
        env.putAll(serviceEnvironment);
        File log = Path.of("target", run + "-" + name + ".log").toFile();
        try {
            Process process =
                    builder.redirectErrorStream(true).redirectOutput(log).start();
            // Should this JVM exit before the test kills the child, the child must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Input records {@code groupId} has consumed and committed on {@code topic}, over all partitions. */
    /** Committed offsets of {@code groupId} summed over every partition of {@code topics}. */
    long committed(String groupId, List<? extends Topic<?, ?>> topics) {
        return topics.stream().mapToLong(topic -> committed(groupId, topic)).sum();
    }

    long committed(String groupId, Topic<?, ?> topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic.name()))
                    .filter(e -> e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            return 0; // no group yet (or the broker is away): nothing known to be committed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Raw articles enrich has consumed and committed: how far a replay has got through the pipeline. */
    long enriched() {
        return committed(enrichApplicationId(), topics().articlesRaw());
    }

    /** Waits until enrich has committed at least {@code articles} raw articles: a fault lands mid-replay. */
    void awaitEnriched(long articles, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> enriched() >= articles);
    }

    /** Waits until {@code groupId} has {@code members} members, each assigned at least one partition. */
    void awaitMembersWithPartitions(String groupId, int members, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
            ConsumerGroupDescription group;
            try {
                group = admin.describeConsumerGroups(List.of(groupId))
                        .describedGroups()
                        .get(groupId)
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException notYet) {
                return false; // the group is not formed yet
            }
            List<MemberDescription> all = List.copyOf(group.members());
            return all.size() == members
                    && all.stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        });
    }

    /** The member ids of {@code groupId} now (empty while the group is not formed). */
    Set<String> memberIds(String groupId) throws InterruptedException, TimeoutException {
        try {
            return admin
                    .describeConsumerGroups(List.of(groupId))
                    .describedGroups()
                    .get(groupId)
                    .get(10, TimeUnit.SECONDS)
                    .members()
                    .stream()
                    .map(MemberDescription::consumerId)
                    .collect(Collectors.toSet());
        } catch (ExecutionException notYet) {
            return Set.of();
        }
    }

    /**
     * Waits until {@code groupId} again has {@code members} members, each with partitions, and is no longer the group
     * {@code before} described: a stopped instance's member has gone (Streams does not leave on close, so it stays
     * until its session times out) and its replacement has joined.
     */
    void awaitMembersReplaced(String groupId, Set<String> before, int members, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
            ConsumerGroupDescription group;
            try {
                group = admin.describeConsumerGroups(List.of(groupId))
                        .describedGroups()
                        .get(groupId)
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException notYet) {
                return false;
            }
            List<MemberDescription> all = List.copyOf(group.members());
            Set<String> ids = all.stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
            return all.size() == members
                    && !ids.equals(before)
                    && ids.stream().anyMatch(id -> !before.contains(id))
                    && all.stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        });
    }

    /**
     * Waits until enrich and alert have committed everything their inputs (and alert's repartition topics) hold and
     * no transaction of this run is open, twice in a row half a second apart (a record in flight between enrich's
     * commit and alert's poll shows as lag). Lag alone is not enough after a crash: the dead instance's transaction
     * stays open until the broker aborts it, and until then the last stable offset hides everything written after it,
     * from the services and from the lag alike.
     */
    void awaitIdle(Duration patience) {
        AtomicInteger quietChecks = new AtomicInteger();
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> {
            long lag = ConsumerLag.of(
                            admin,
                            enrichApplicationId(),
                            List.of(topics.articlesRaw().name()))
                    + ConsumerLag.of(
                            admin,
                            alertApplicationId(),
                            List.of(
                                    topics.diplomaticByEvent().name(),
                                    topics.casualtiesByPlace().name()));
            if (lag != 0 || !openTransactions().isEmpty()) {
                quietChecks.set(0);
                return false;
            }
            return quietChecks.incrementAndGet() >= 2;
        });
    }

    /** Transactional ids of this run's Streams producers ({@code <application id>-...}) with a transaction open. */
    List<String> openTransactions() throws InterruptedException {
        try {
            return admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.transactionalId().startsWith(run + "-"))
                    .filter(t -> !CLOSED_TRANSACTION_STATES.contains(t.state()))
                    .map(TransactionListing::transactionalId)
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of("unknown: " + e); // cannot tell, so not idle
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
