package io.wirewatch.devstack;

import io.wirewatch.devstack.kafka.EmbeddedKafka;
import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.devstack.registry.EmbeddedSchemaRegistry;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry persisting to it, both in this JVM: what integration tests and the one-JVM
 * launcher run on. {@link #clusterConfig()} hands services the addresses (and registry credentials, if any).
 *
 * <pre>{@code
 * try (EmbeddedStack stack = EmbeddedStack.start()) {
 *     stack.createTopics(2, "articles.raw");
 *     ClusterConfig cluster = stack.clusterConfig();
 * }
 * }</pre>
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final Options options;
    private final EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;

    private EmbeddedStack(Options options, EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.options = options;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Free ports, temporary data deleted on close, no registry authentication. */
    public static EmbeddedStack start() {
        return start(Options.defaults());
    }

    public static EmbeddedStack start(Options options) {
        EmbeddedKafka.Options kafkaOptions =
                EmbeddedKafka.Options.defaults().withPort(options.kafkaPort()).withBrokers(options.brokers());
        for (int node : options.nodesInChildJvm()) {
            kafkaOptions = kafkaOptions.withNodeInChildJvm(node);
        }
        if (options.dataDir() != null) {
            kafkaOptions = kafkaOptions.withDataDir(options.dataDir());
        }
        long began = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaOptions);
        long kafkaReady = System.nanoTime();
        try {
            EmbeddedStack stack =
                    new EmbeddedStack(options, kafka, startRegistry(kafka, options, options.registryPort()));
            LOG.info(
                    "Embedded stack up: Kafka {} ({} ms), schema registry {} ({} ms)",
                    kafka.bootstrapServers(),
                    (kafkaReady - began) / 1_000_000,
                    stack.schemaRegistryUrl(),
                    (System.nanoTime() - kafkaReady) / 1_000_000);
            return stack;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public synchronized String schemaRegistryUrl() {
        return registry.url();
    }

    /** Where the services find the broker and the registry, with the registry's credentials when it has some. */
    public synchronized ClusterConfig clusterConfig() {
        return clusterConfig(bootstrapServers(), schemaRegistryUrl(), options.registryUserInfo());
    }

    static ClusterConfig clusterConfig(String bootstrapServers, String registryUrl, String registryUserInfo) {
        Map<String, String> serde = new HashMap<>();
        if (registryUserInfo != null) {
            serde.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            serde.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, registryUserInfo);
        }
        return new ClusterConfig(bootstrapServers, registryUrl, Map.of(), serde);
    }

    /** Creates the topics that do not exist yet (the cluster's replication factor) and waits until all have leaders. */
    public void createTopics(int partitions, String... names) {
        try (TopicAdmin admin = TopicAdmin.connect(kafka.clientProperties())) {
            admin.createTopics(partitions, names);
        }
    }

    /** Creates topics (the cluster's replication factor) with topic-level configs such as {@code retention.ms}. */
    public void createTopics(int partitions, Map<String, String> configs, String... names) {
        try (TopicAdmin admin = TopicAdmin.connect(kafka.clientProperties())) {
            admin.createTopics(java.util.Arrays.stream(names)
                    .map(name -> new TopicAdmin.TopicSpec(
                            name, partitions, TopicAdmin.TopicSpec.CLUSTER_DEFAULT_REPLICATION, configs))
                    .toList());
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public synchronized EmbeddedSchemaRegistry registry() {
        return registry;
    }

    /**
     * Stops the registry and starts a new one on the same port that rebuilds its state from the Kafka topic, as a
     * registry process restart would.
     */
    public synchronized EmbeddedSchemaRegistry restartRegistry() {
        int port = registry.port();
        registry.close();
        registry = startRegistry(kafka, options, port);
        return registry;
    }

    @Override
    public synchronized void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }

    private static EmbeddedSchemaRegistry startRegistry(EmbeddedKafka kafka, Options options, int port) {
        EmbeddedSchemaRegistry.Options registryOptions =
                EmbeddedSchemaRegistry.Options.defaults().withPort(port);
        if (options.registryUserInfo() != null) {
            registryOptions = registryOptions.withBasicAuth(options.registryUserInfo());
        }
        return EmbeddedSchemaRegistry.startOnKafka(kafka.clientProperties(), registryOptions);
    }

    /**
     * {@code dataDir} null: temporary, deleted on close; otherwise kept and reused by the next start. Ports 0 are
     * free ports. {@code registryUserInfo} ({@code user:password}) turns on the registry's basic authentication.
     * {@code brokers}: 1, or 3 for the production shape (replication 3, min.insync.replicas 2; see
     * {@link EmbeddedKafka}); {@code nodesInChildJvm}: nodes run in JVMs of their own, so a test can kill them.
     */
    public record Options(
            Path dataDir,
            int kafkaPort,
            int registryPort,
            String registryUserInfo,
            int brokers,
            Set<Integer> nodesInChildJvm) {
        public Options {
            nodesInChildJvm = Set.copyOf(nodesInChildJvm);
        }

        public static Options defaults() {
            return new Options(null, 0, 0, null, 1, Set.of());
        }

        public Options withDataDir(Path dir) {
            return new Options(dir, kafkaPort, registryPort, registryUserInfo, brokers, nodesInChildJvm);
        }

        public Options withKafkaPort(int port) {
            return new Options(dataDir, port, registryPort, registryUserInfo, brokers, nodesInChildJvm);
        }

        public Options withRegistryPort(int port) {
            return new Options(dataDir, kafkaPort, port, registryUserInfo, brokers, nodesInChildJvm);
        }

        public Options withRegistryBasicAuth(String userInfo) {
            return new Options(dataDir, kafkaPort, registryPort, userInfo, brokers, nodesInChildJvm);
        }

        public Options withBrokers(int count) {
            return new Options(dataDir, kafkaPort, registryPort, registryUserInfo, count, nodesInChildJvm);
        }

        public Options withNodeInChildJvm(int nodeId) {
            Set<Integer> nodes = new java.util.TreeSet<>(nodesInChildJvm);
            nodes.add(nodeId);
            return new Options(dataDir, kafkaPort, registryPort, registryUserInfo, brokers, nodes);
        }
    }
}
