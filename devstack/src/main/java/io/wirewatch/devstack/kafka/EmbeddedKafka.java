package io.wirewatch.devstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster of one or more KRaft nodes (each a broker and a controller in one process) running inside
 * this JVM, for integration tests and the one-JVM launcher. It is the production broker code from {@code kafka_2.13},
 * so transactions, compaction, consumer groups, replication and leader election behave as on a real cluster.
 *
 * <p>One node is the single-node development broker: every replication setting at 1. Three or more nodes are the
 * production shape: internal and new topics at replication factor 3, {@code min.insync.replicas=2}, so a record
 * acknowledged to an {@code acks=all} producer is on at least two brokers and survives the loss of any one. The
 * controller quorum is the same nodes (a static voter set), so a majority of them must run.
 *
 * <p>The data directory is either temporary (deleted on {@link #close()}) or kept across runs; a kept directory that
 * is already formatted is reused as it is. {@link #stop()} and {@link #restart()} stop and start every node on the
 * same ports and data; {@link #stopNode(int)}, {@link #killNode(int)} and {@link #restartNode(int)} one node, as
 * broker-loss and rolling-restart tests need. A node named in {@link Options#nodesInChildJvm()} runs in a JVM of its
 * own, so that {@link #killNode(int)} can end it with SIGKILL: no controlled shutdown, no flush, no clean-shutdown
 * marker, its sockets simply close — a broker in-process can only ever stop cleanly.
 *
 * <p>Why not Kafka's own {@code KafkaClusterTestKit} ({@code org.apache.kafka:kafka-test-common-runtime})? It is an
 * internal test API (its package moved between 3.x and 4.0, and it carries JUnit), while this cluster is also what
 * {@code wirewatch up --brokers 3} runs on the launcher's runtime classpath; its nodes are all in-process, so it cannot
 * kill one hard; and what it would save us is the few lines below that derive each node's configuration.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final List<NodeSpec> specs;
    private final Set<Integer> childJvmNodes;
    private final Map<String, String> brokerOverrides;
    /** Concurrent: the readiness checks of starting nodes read it on other threads while a start holds this lock. */
    private final Map<Integer, RunningNode> running = new ConcurrentHashMap<>();

    private EmbeddedKafka(Options options) {
        try {
            if (options.dataDir() == null) {
                this.dataDir = Files.createTempDirectory("wirewatch-kafka-");
                this.deleteDataDirOnClose = true;
            } else {
                this.dataDir = Files.createDirectories(options.dataDir());
                this.deleteDataDirOnClose = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory: " + e.getMessage(), e);
        }
        // Ports are fixed once here, not left to the OS at each start, so a restarted node keeps its address and the
        // controller quorum (which names every controller's port) stays valid.
        Set<Integer> taken = new HashSet<>();
        List<Integer> brokerPorts = new ArrayList<>();
        for (int i = 0; i < options.brokers(); i++) {
            brokerPorts.add(options.port() == 0 ? freePortOtherThan(taken) : options.port() + i);
            taken.add(brokerPorts.get(i));
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < options.brokers(); i++) {
            int controllerPort =
                    options.controllerPort() == 0 ? freePortOtherThan(taken) : options.controllerPort() + i;
            taken.add(controllerPort);
            // A single node keeps the layout of kept directories written before clusters existed.
            Path logDir = options.brokers() == 1
                    ? dataDir.resolve("kafka-logs")
                    : dataDir.resolve("node-" + (i + 1)).resolve("kafka-logs");
            nodes.add(new NodeSpec(i + 1, brokerPorts.get(i), controllerPort, logDir));
        }
        this.specs = List.copyOf(nodes);
        this.childJvmNodes = Set.copyOf(options.nodesInChildJvm());
        this.brokerOverrides = Map.copyOf(options.brokerOverrides());
    }

    /** Starts a single broker on free ports with a temporary data directory. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /** Starts the cluster with the given options; returns once every node accepts clients. */
    public static EmbeddedKafka start(Options options) {
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafka kafka = new EmbeddedKafka(options);
            try {
                kafka.startNodes(kafka.nodeIds());
                return kafka;
            } catch (RuntimeException e) {
                kafka.close();
                // A free port found here can be taken by another process before the broker binds it (several test
                // JVMs share this machine); fresh ports then fix it. A port the caller asked for is not replaced.
                if (attempt == 3 || !kafka.failedToBindAPortItChose(options, e)) {
                    throw e;
                }
                LOG.warn(
                        "Kafka could not bind one of its ports {}, retrying on other free ports: {}",
                        kafka.specs,
                        e.toString());
            }
        }
    }

    private boolean failedToBindAPortItChose(Options options, Throwable failure) {
        boolean bindFailure = false;
        boolean onChosenPort = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            bindFailure |= cause instanceof java.net.BindException;
            String message = String.valueOf(cause.getMessage());
            for (NodeSpec node : specs) {
                onChosenPort |= options.port() == 0 && message.contains(":" + node.brokerPort())
                        || options.controllerPort() == 0 && message.contains(":" + node.controllerPort());
            }
        }
        return bindFailure && onChosenPort;
    }

    /** Starts every node again after {@link #stop()}, on the same ports and data directories. */
    public synchronized void restart() {
        if (!running.isEmpty()) {
            throw new IllegalStateException("Kafka is already running on " + bootstrapServers());
        }
        startNodes(nodeIds());
    }

    /** Stops every node, keeping its data, so that {@link #restart()} can bring the cluster back. */
    public synchronized void stop() {
        if (running.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        // In parallel: each broker's controlled shutdown needs a controller quorum, which stopping the nodes one by one
        // would take away from the last of them.
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (int nodeId : new TreeSet<>(running.keySet())) {
            RunningNode node = running.remove(nodeId);
            stops.add(CompletableFuture.runAsync(node::stop));
        }
        join(stops);
        LOG.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops one node cleanly (controlled shutdown: its leaderships move first), keeping its data. */
    public synchronized void stopNode(int nodeId) {
        RunningNode node = running.remove(requireNode(nodeId).nodeId());
        if (node == null) {
            return;
        }
        long began = System.nanoTime();
        node.stop();
        LOG.info("Kafka node {} stopped in {} ms", nodeId, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Kills one node with SIGKILL: nothing of it runs afterwards. Only a node started in a child JVM
     * ({@link Options#withNodeInChildJvm(int)}) can be killed so; an in-process broker can only stop cleanly.
     */
    public synchronized void killNode(int nodeId) {
        requireNode(nodeId);
        if (!childJvmNodes.contains(nodeId)) {
            throw new IllegalStateException("Kafka node " + nodeId + " runs in this JVM and cannot be killed; "
                    + "start it with Options.withNodeInChildJvm(" + nodeId + ")");
        }
        RunningNode node = running.remove(nodeId);
        if (node != null) {
            node.kill();
            LOG.info("Kafka node {} killed (SIGKILL)", nodeId);
        }
    }

    /** Starts one stopped or killed node again on its ports and data; returns once it accepts clients. */
    public synchronized void restartNode(int nodeId) {
        requireNode(nodeId);
        if (running.containsKey(nodeId)) {
            throw new IllegalStateException("Kafka node " + nodeId + " is already running");
        }
        startNodes(List.of(nodeId));
    }

    /** Stops every node and deletes a temporary data directory. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (deleteDataDirOnClose) {
                deleteRecursively(dataDir);
            }
        }
    }

    /** Whether any node runs. */
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }

    public synchronized boolean isRunning(int nodeId) {
        return running.containsKey(nodeId);
    }

    /** Node ids, 1 to the number of brokers. */
    public List<Integer> nodeIds() {
        return specs.stream().map(NodeSpec::nodeId).toList();
    }

    public int brokers() {
        return specs.size();
    }

    /** The replication factor of new topics and of the internal ones: the number of nodes, at most 3. */
    public short replicationFactor() {
        return (short) Math.min(3, specs.size());
    }

    /** Replicas that must acknowledge an {@code acks=all} write: one fewer than the replication factor, at least 1. */
    public int minInsyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** {@code localhost:<port>} of every node's client listener, comma-separated. */
    public String bootstrapServers() {
        return specs.stream().map(node -> "localhost:" + node.brokerPort()).collect(Collectors.joining(","));
    }

    /** The client port of the first node (the only one of a single-node cluster). */
    public int port() {
        return specs.get(0).brokerPort();
    }

    /** The client port of node {@code nodeId}. */
    public int port(int nodeId) {
        return requireNode(nodeId).brokerPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Client properties that reach this cluster: only {@code bootstrap.servers}, as it listens in plaintext. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Creates the topics that do not exist yet (the cluster's replication factor) and waits until all have leaders. */
    public void createTopics(int partitions, String... names) {
        try (TopicAdmin admin = TopicAdmin.connect(clientProperties())) {
            admin.createTopics(partitions, names);
        }
    }

    /**
     * Waits until every partition of every topic (internal ones included) has all its replicas in sync, and returns
     * how long that took: what a returning node needs to catch up, and what a rolling restart must wait for before it
     * takes the next node down.
     */
    public Duration awaitReplicasInSync(Duration timeout) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        try (Admin admin = Admin.create(clientProperties())) {
            while (true) {
                Set<String> lagging = partitionsOutOfSync(admin);
                if (lagging.isEmpty()) {
                    return Duration.ofNanos(System.nanoTime() - began);
                }
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("Replicas not in sync within " + timeout + ": " + lagging);
                }
                sleep(100);
            }
        }
    }

    /** Partitions (as {@code topic-n}) whose in-sync replicas are fewer than their replicas. */
    private static Set<String> partitionsOutOfSync(Admin admin) {
        try {
            Set<String> names = admin.listTopics(
                            new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names()
                    .get(10, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            Set<String> lagging = new TreeSet<>();
            topics.forEach((name, description) -> {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.isr().size() < partition.replicas().size()) {
                        lagging.add(name + "-" + partition.partition());
                    }
                }
            });
            return lagging;
        } catch (ExecutionException | TimeoutException e) {
            return Set.of("unknown: " + e); // the cluster is electing or a node is away: not known to be in sync
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for replicas", e);
        }
    }

    /** The node ids leading the partitions of {@code topic}, partition by partition (-1 where none leads). */
    public List<Integer> leaders(String topic) {
        try (Admin admin = Admin.create(clientProperties())) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().stream()
                    .map(TopicPartitionInfo::leader)
                    .map(leader -> leader == null || leader.isEmpty() ? -1 : leader.id())
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Cannot describe topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while describing " + topic, e);
        }
    }

    private NodeSpec requireNode(int nodeId) {
        if (nodeId < 1 || nodeId > specs.size()) {
            throw new IllegalArgumentException("No Kafka node " + nodeId + "; nodes are 1 to " + specs.size());
        }
        return specs.get(nodeId - 1);
    }

    private void startNodes(List<Integer> nodeIds) {
        long began = System.nanoTime();
        for (int nodeId : nodeIds) {
            NodeSpec spec = requireNode(nodeId);
            Properties props = brokerProperties(spec);
            format(spec, props);
            if (childJvmNodes.contains(nodeId)) {
                running.put(nodeId, ChildJvmNode.start(spec, props));
            } else {
                InProcessNode node = new InProcessNode(props);
                // Known before it starts, so that close() shuts down a node whose start failed half way.
                running.put(nodeId, node);
                node.start(specs.size() > 1);
            }
        }
        // Awaited together: a node of a multi-node quorum serves no client until a majority of controllers runs.
        List<CompletableFuture<Void>> ready = nodeIds.stream()
                .map(nodeId -> CompletableFuture.runAsync(() -> awaitNodeReady(requireNode(nodeId))))
                .toList();
        join(ready);
        LOG.info(
                "Kafka node(s) {} started on {} (data {}) in {} ms",
                nodeIds,
                bootstrapServers(),
                dataDir,
                (System.nanoTime() - began) / 1_000_000);
    }

    private Properties brokerProperties(NodeSpec node) {
        String voters = specs.stream()
                .map(n -> n.nodeId() + "@localhost:" + n.controllerPort())
                .collect(Collectors.joining(","));
        String replication = String.valueOf(replicationFactor());
        String minInsync = String.valueOf(minInsyncReplicas());
        Properties props = new Properties();
        props.put("node.id", String.valueOf(node.nodeId()));
        props.put("process.roles", "broker,controller");
        props.put(
                "listeners",
                "PLAINTEXT://localhost:" + node.brokerPort() + "," + CONTROLLER_LISTENER + "://localhost:"
                        + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + node.brokerPort());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", voters);
        props.put("log.dirs", node.logDir().toString());
        // Every internal topic at the cluster's replication factor: one node must accept 1 or transactions
        // (exactly_once_v2) and consumer groups never start; three keep offsets and transaction state through the
        // loss of a broker, and min.insync.replicas 2 makes an acks=all write wait for a second copy.
        props.put("offsets.topic.replication.factor", replication);
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minInsync);
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("share.coordinator.state.topic.min.isr", minInsync);
        props.put("default.replication.factor", replication);
        props.put("min.insync.replicas", minInsync);
        // A replica that loses data may never lead: the default, stated because the guarantee rests on it.
        props.put("unclean.leader.election.enable", "false");
        // Fewer internal partitions than the production 50: each is loaded on the first group or transaction, and
        // a test pays for that load on two cores.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // The log cleaner's default 128 MiB dedupe buffer would dominate the heap of a test JVM.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.cleaner.backoff.ms", "1000");
        props.putAll(brokerOverrides);
        return props;
    }

    private void format(NodeSpec node, Properties props) {
        if (Files.exists(node.logDir().resolve("meta.properties"))) {
            // A kept data directory is formatted on its first run only; later runs keep its cluster id and data.
            LOG.debug("Kafka data directory {} is already formatted", node.logDir());
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(node.nodeId())
                    .setClusterId(clusterId())
                    .setDirectories(List.of(props.getProperty("log.dirs")))
                    .setMetadataLogDirectory(props.getProperty("log.dirs"))
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new KafkaException("Cannot format Kafka data directory " + node.logDir() + ": " + e.getMessage(), e);
        }
        LOG.debug(
                "Kafka storage formatter: {}",
                formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    /** Every node of one cluster shares its id: the one a formatted node holds, else a new one kept in the data dir. */
    private String clusterId() {
        Path idFile = dataDir.resolve("cluster.id");
        try {
            for (NodeSpec node : specs) {
                Path meta = node.logDir().resolve("meta.properties");
                if (Files.exists(meta)) {
                    Properties properties = new Properties();
                    try (InputStream in = Files.newInputStream(meta)) {
                        properties.load(in);
                    }
                    return properties.getProperty("cluster.id");
                }
            }
            if (Files.exists(idFile)) {
                return Files.readString(idFile).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(idFile, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or keep the Kafka cluster id in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitNodeReady(NodeSpec node) {
        Map<String, Object> props = new HashMap<>();
        // Only this node's listener: describeCluster answers once its broker serves clients.
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + node.brokerPort());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wirewatch-embedded-kafka-readiness-" + node.nodeId());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                RunningNode process = running.get(node.nodeId());
                if (process != null) {
                    process.failure().ifPresent(failure -> {
                        throw new KafkaException("Kafka node " + node.nodeId() + " did not start: " + failure, failure);
                    });
                }
                try {
                    java.util.Collection<Node> nodes =
                            admin.describeCluster().nodes().get(1, TimeUnit.SECONDS);
                    if (nodes.stream().anyMatch(n -> n.id() == node.nodeId())) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not serving yet: the quorum may still be electing its leader
                }
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("Kafka node " + node.nodeId() + " on localhost:" + node.brokerPort()
                            + " not ready within " + READY_TIMEOUT);
                }
                sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for Kafka node " + node.nodeId(), e);
        }
    }

    private static void join(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for Kafka", e);
        }
    }

    /** The OS may hand back a port it just gave (that socket is closed); a node refuses to bind one twice. */
    private static int freePortOtherThan(Set<Integer> taken) {
        int port = freePort();
        while (taken.contains(port)) {
            port = freePort();
        }
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for Kafka: " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete Kafka data directory {}: {}", root, e.toString());
        }
    }

    /** Where one node listens and keeps its log. */
    private record NodeSpec(int nodeId, int brokerPort, int controllerPort, Path logDir) {}

    /** A started node, in this JVM or in a child JVM. */
    private interface RunningNode {
        /** Clean shutdown: controlled shutdown of the broker, then its controller; logs closed and marked clean. */
        void stop();

        /** SIGKILL; only a child-JVM node. */
        void kill();

        /** Why the node died while starting, if it did. */
        Optional<Throwable> failure();
    }

    private static final class InProcessNode implements RunningNode {
        private final KafkaRaftServer server;
        private final String nodeId;
        private volatile Throwable failure;

        private InProcessNode(Properties props) {
            this.server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            this.nodeId = props.getProperty("node.id");
        }

        void start(boolean inQuorum) {
            if (!inQuorum) {
                // A lone node starts on the caller's thread, which sees its failure (a port taken) at once: on a
                // thread of its own the failing broker's shutdown took a minute before startup() gave up.
                server.startup();
                return;
            }
            // startup() of a node in a quorum blocks until a majority of controllers runs, which may be the nodes
            // started after this one: so it runs on a thread of its own, and readiness is awaited for all at once.
            Thread starter = new Thread(
                    () -> {
                        try {
                            server.startup();
                        } catch (RuntimeException e) {
                            failure = e;
                            LOG.debug("Kafka node did not start", e); // rethrown by the readiness check
                        }
                    },
                    "kafka-node-" + nodeId + "-startup");
            starter.setDaemon(true);
            starter.start();
        }

        @Override
        public void stop() {
            server.shutdown();
            server.awaitShutdown();
        }

        @Override
        public void kill() {
            throw new IllegalStateException("An in-process node cannot be killed");
        }

        @Override
        public Optional<Throwable> failure() {
            return Optional.ofNullable(failure);
        }
    }

    /** A node in a JVM of its own, started from {@link #main(String[])} on this JVM's class path. */
    private static final class ChildJvmNode implements RunningNode {
        private final Process process;

        private ChildJvmNode(Process process) {
            this.process = process;
        }

        static ChildJvmNode start(NodeSpec spec, Properties props) {
            Path configFile = spec.logDir().getParent().resolve("server.properties");
            Path logFile = spec.logDir().getParent().resolve("node.log");
            try {
                Files.createDirectories(configFile.getParent());
                try (OutputStream out = Files.newOutputStream(configFile)) {
                    props.store(out, "Kafka node " + spec.nodeId() + " of a Wirewatch embedded cluster");
                }
                String java =
                        Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process process = new ProcessBuilder(
                                java,
                                "-Xmx384m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                EmbeddedKafka.class.getName(),
                                configFile.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
                // Should this JVM exit without closing the cluster, the node must not outlive it.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(process::destroyForcibly, "kill-kafka-node-" + spec.nodeId()));
                LOG.info(
                        "Kafka node {} started in a child JVM (pid {}, log {})", spec.nodeId(), process.pid(), logFile);
                return new ChildJvmNode(process);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot start Kafka node " + spec.nodeId() + " in a child JVM: " + e.getMessage(), e);
            }
        }

        @Override
        public void stop() {
            // SIGTERM: the child's shutdown hook shuts the node down cleanly.
            process.destroy();
            await(Duration.ofSeconds(60));
        }

        @Override
        public void kill() {
            process.destroyForcibly();
            await(Duration.ofSeconds(10));
        }

        private void await(Duration patience) {
            try {
                if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while stopping a Kafka node", e);
            }
        }

        @Override
        public Optional<Throwable> failure() {
            return process.isAlive()
                    ? Optional.empty()
                    : Optional.of(new KafkaException("the child JVM exited with status " + process.exitValue()));
        }
    }

    /**
     * Runs one node in this JVM from a properties file (what {@link ChildJvmNode} starts): a clean shutdown on
     * SIGTERM, none on SIGKILL.
     */
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            server.awaitShutdown();
                        },
                        "kafka-node-shutdown"));
        server.startup();
        server.awaitShutdown();
    }

    /**
     * How to run the cluster. {@code brokers} nodes (1 for development, 3 for the production shape); {@code port} and
     * {@code controllerPort} 0 pick free ports, otherwise node n listens on {@code port + n - 1}; {@code dataDir} null
     * means a temporary directory deleted on close; {@code brokerOverrides} are broker configs applied last;
     * {@code nodesInChildJvm} run in JVMs of their own so they can be killed.
     */
    public record Options(
            int port,
            int controllerPort,
            Path dataDir,
            Map<String, String> brokerOverrides,
            int brokers,
            Set<Integer> nodesInChildJvm) {
        public Options {
            if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException(
                        "Ports must be within 0..65535, got " + port + " and " + controllerPort);
            }
            if (brokers < 1) {
                throw new IllegalArgumentException("A cluster needs at least one broker, got " + brokers);
            }
            brokerOverrides = Map.copyOf(Objects.requireNonNull(brokerOverrides, "brokerOverrides"));
            nodesInChildJvm = Set.copyOf(nodesInChildJvm);
            for (int node : nodesInChildJvm) {
                if (node < 1 || node > brokers) {
                    throw new IllegalArgumentException("No node " + node + " among " + brokers + " brokers");
                }
            }
        }

        public static Options defaults() {
            return new Options(0, 0, null, Map.of(), 1, Set.of());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, controllerPort, dataDir, brokerOverrides, brokers, nodesInChildJvm);
        }

        public Options withControllerPort(int newPort) {
            return new Options(port, newPort, dataDir, brokerOverrides, brokers, nodesInChildJvm);
        }

        /** A kept data directory: created if missing, formatted on first use, never deleted. */
        public Options withDataDir(Path dir) {
            return new Options(port, controllerPort, dir, brokerOverrides, brokers, nodesInChildJvm);
        }

        public Options withBrokerConfig(String key, String value) {
            Map<String, String> overrides = new HashMap<>(brokerOverrides);
            overrides.put(key, value);
            return new Options(port, controllerPort, dataDir, overrides, brokers, nodesInChildJvm);
        }

        /** {@code count} nodes, each broker and controller; 3 gives replication factor 3 and min.insync.replicas 2. */
        public Options withBrokers(int count) {
            return new Options(port, controllerPort, dataDir, brokerOverrides, count, nodesInChildJvm);
        }

        /** Runs node {@code nodeId} in a child JVM, so that {@link EmbeddedKafka#killNode(int)} can SIGKILL it. */
        public Options withNodeInChildJvm(int nodeId) {
            Set<Integer> nodes = new LinkedHashSet<>(nodesInChildJvm);
            nodes.add(nodeId);
            return new Options(port, controllerPort, dataDir, brokerOverrides, brokers, nodes);
        }
    }
}
