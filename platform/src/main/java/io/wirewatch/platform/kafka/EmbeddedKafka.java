package io.wirewatch.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (KRaft broker and controller in one process) running inside this JVM, for
 * integration tests and the one-JVM launcher. It is the production broker code from {@code kafka_2.13}, so
 * transactions, compaction and consumer groups behave as on a real cluster; only the replication settings are
 * lowered to fit one node.
 *
 * <p>The data directory is either temporary (deleted on {@link #close()}) or kept across runs; a kept directory that
 * is already formatted is reused as it is. {@link #stop()} and {@link #start()} restart the broker on the same ports
 * and data, as a crash-and-recover test needs.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> brokerOverrides;
    private KafkaRaftServer server;

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
        // Ports are fixed once here, not left to the OS at each start, so a restarted broker keeps its address and
        // the controller quorum (which names the controller's port) stays valid.
        this.brokerPort = options.port() == 0 ? freePort() : options.port();
        this.controllerPort = options.controllerPort() == 0 ? freePortOtherThan(brokerPort) : options.controllerPort();
        this.brokerOverrides = Map.copyOf(options.brokerOverrides());
    }

    /** Starts a broker on free ports with a temporary data directory. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /** Starts a broker with the given options; returns once it accepts clients. */
    public static EmbeddedKafka start(Options options) {
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafka kafka = new EmbeddedKafka(options);
            try {
                kafka.startServer();
                return kafka;
            } catch (RuntimeException e) {
                kafka.close();
                // A free port found here can be taken by another process before the broker binds it (several test
                // JVMs share this machine); fresh ports then fix it. A port the caller asked for is not replaced.
                if (attempt == 3 || !kafka.failedToBindAPortItChose(options, e)) {
                    throw e;
                }
                LOG.warn("Kafka could not bind port {} or {}, retrying on other free ports: {}", kafka.brokerPort,
                        kafka.controllerPort, e.toString());
            }
        }
    }

    private boolean failedToBindAPortItChose(Options options, Throwable failure) {
        boolean bindFailure = false;
        boolean onChosenPort = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            bindFailure |= cause instanceof java.net.BindException;
            String message = String.valueOf(cause.getMessage());
            onChosenPort |= options.port() == 0 && message.contains(":" + brokerPort)
                    || options.controllerPort() == 0 && message.contains(":" + controllerPort);
        }
        return bindFailure && onChosenPort;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data directory. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("Kafka is already running on " + bootstrapServers());
        }
        startServer();
    }

    /** Stops the broker, keeping its data, so that {@link #restart()} can bring it back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long began = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the broker and deletes a temporary data directory. */
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

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:<port>} of the client listener. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Client properties that reach this broker: only {@code bootstrap.servers}, as it listens in plaintext. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Creates the topics that do not exist yet (replication factor 1) and waits until all have leaders. */
    public void createTopics(int partitions, String... names) {
        try (TopicAdmin admin = TopicAdmin.connect(clientProperties())) {
            admin.createTopics(partitions, names);
        }
    }

    private void startServer() {
        long began = System.nanoTime();
        Properties props = brokerProperties();
        format(props);
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server = starting;
        starting.startup();
        awaitBrokerReady();
        LOG.info("Kafka started on {} (controller port {}, data {}) in {} ms", bootstrapServers(), controllerPort, dataDir,
                (System.nanoTime() - began) / 1_000_000);
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("log.dirs", logDir().toString());
        // One node: every internal topic must accept replication factor 1 or transactions (exactly_once_v2) and
        // consumer groups never start.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
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

    private Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    private void format(Properties props) {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            // A kept data directory is formatted on its first run only; later runs keep its cluster id and data.
            LOG.debug("Kafka data directory {} is already formatted", logDir());
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(props.getProperty("log.dirs")))
                    .setMetadataLogDirectory(props.getProperty("log.dirs"))
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new KafkaException("Cannot format Kafka data directory " + logDir() + ": " + e.getMessage(), e);
        }
        LOG.debug("Kafka storage formatter: {}", formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitBrokerReady() {
        Map<String, Object> props = clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wirewatch-embedded-kafka-readiness");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Kafka on " + bootstrapServers() + " did not answer: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for Kafka on " + bootstrapServers(), e);
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka on " + bootstrapServers() + " not ready within " + READY_TIMEOUT, e);
        }
    }

    /** The OS may hand back the port it just gave for the broker (that socket is closed); the broker refuses that. */
    private static int freePortOtherThan(int taken) {
        int port = freePort();
        while (port == taken) {
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

    /**
     * How to run the broker. {@code port} and {@code controllerPort} 0 pick free ports; {@code dataDir} null means a
     * temporary directory deleted on close; {@code brokerOverrides} are broker configs applied last.
     */
    public record Options(int port, int controllerPort, Path dataDir, Map<String, String> brokerOverrides) {
        public Options {
            if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("Ports must be within 0..65535, got " + port + " and " + controllerPort);
            }
            brokerOverrides = Map.copyOf(Objects.requireNonNull(brokerOverrides, "brokerOverrides"));
        }

        public static Options defaults() {
            return new Options(0, 0, null, Map.of());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, controllerPort, dataDir, brokerOverrides);
        }

        public Options withControllerPort(int newPort) {
            return new Options(port, newPort, dataDir, brokerOverrides);
        }

        /** A kept data directory: created if missing, formatted on first use, never deleted. */
        public Options withDataDir(Path dir) {
            return new Options(port, controllerPort, dir, brokerOverrides);
        }

        public Options withBrokerConfig(String key, String value) {
            Map<String, String> overrides = new HashMap<>(brokerOverrides);
            overrides.put(key, value);
            return new Options(port, controllerPort, dataDir, overrides);
        }
    }
}
