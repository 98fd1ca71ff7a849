package io.wirewatch.enrich;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.streams.StreamsBatching;
import io.wirewatch.platform.streams.StreamsLatency;
import io.wirewatch.schema.DeadLetters;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything enrich-service needs to run, immutable and validated on construction.
 *
 * <p>From the environment ({@link #fromEnvironment}): the cluster through {@link ClusterConfig}
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, any {@code KAFKA_*} client property such as
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code SCHEMA_REGISTRY_BASIC_AUTH_*}), and
 * <ul>
 *   <li>{@code ENRICH_APPLICATION_ID} (default {@value #DEFAULT_APPLICATION_ID}): the Streams application id, which
 *       names the consumer group, transactional ids and internal topics;</li>
 *   <li>{@code ENRICH_NUM_STREAM_THREADS} (default 1): stream threads; useful up to the partition count of
 *       {@code articles.raw};</li>
 *   <li>{@code ENRICH_STATE_DIR} (default: Kafka Streams' own, under java.io.tmpdir): the state directory; the
 *       topology is stateless, but Streams still keeps its lock and checkpoint files there;</li>
 *   <li>{@code ENRICH_REPLICATION_FACTOR} (default 1): replication of the internal topics Streams creates; -1 takes
 *       the brokers' {@code default.replication.factor} (what the compose file sets, so one value serves one broker
 *       and three);</li>
 *   <li>{@code ENRICH_COMMIT_INTERVAL_MS} (default 20): how often the exactly-once transaction commits, which is
 *       how long an enriched article can wait before readers see it; 20 rather than 50 ms to bring steady
 *       ingest->alert p99 at 50 articles/s under 250 ms (see {@link StreamsLatency});</li>
 *   <li>{@code WIREWATCH_TOPIC_PREFIX} (default empty): prepended to every topic name;</li>
 *   <li>{@code DEAD_LETTER_MAX_BYTES} (default 2 MiB): how much of a rejected record a dead letter keeps;</li>
 *   <li>{@code ENRICH_HEALTH_PORT} (default {@value #DEFAULT_HEALTH_PORT}): port of the {@code GET /health} endpoint
 *       container healthchecks probe; 0 picks a free port, -1 serves none.</li>
 * </ul>
 *
 * @param stateDir   null for Kafka Streams' default
 * @param healthPort {@link #NO_HEALTH_SERVER} when the service runs inside another process that reports health (the
 *                   launcher, tests)
 */
public record EnrichConfig(
        ClusterConfig cluster,
        String applicationId,
        int numStreamThreads,
        Path stateDir,
        int replicationFactor,
        Duration commitInterval,
        String topicPrefix,
        int deadLetterMaxBytes,
        int healthPort) {

    public static final String ENV_APPLICATION_ID = "ENRICH_APPLICATION_ID";
    public static final String ENV_NUM_STREAM_THREADS = "ENRICH_NUM_STREAM_THREADS";
    public static final String ENV_STATE_DIR = "ENRICH_STATE_DIR";
    public static final String ENV_REPLICATION_FACTOR = "ENRICH_REPLICATION_FACTOR";
    /** Kafka Streams' own value for "whatever the brokers' {@code default.replication.factor} is". */
    public static final int BROKER_DEFAULT_REPLICATION = -1;

    public static final String ENV_COMMIT_INTERVAL_MS = "ENRICH_COMMIT_INTERVAL_MS";
    public static final String ENV_TOPIC_PREFIX = "WIREWATCH_TOPIC_PREFIX";
    public static final String ENV_DEAD_LETTER_MAX_BYTES = "DEAD_LETTER_MAX_BYTES";
    public static final String ENV_HEALTH_PORT = "ENRICH_HEALTH_PORT";

    public static final String DEFAULT_APPLICATION_ID = "wirewatch-enrich";
    public static final int DEFAULT_HEALTH_PORT = 8091;
    public static final int NO_HEALTH_SERVER = -1;
    /**
     * Under exactly-once, downstream read_committed consumers see a record only once its transaction commits, so the
     * commit interval is the floor of the pipeline's latency. Streams' EOS default is 100 ms; ours is 20 ms (see
     * {@link StreamsLatency#DEFAULT_COMMIT_INTERVAL} for the measurements). Shorter costs a transaction (several broker
     * round trips) per commit.
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = StreamsLatency.DEFAULT_COMMIT_INTERVAL;

    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9._-]*");
    private static final int MAX_STREAM_THREADS = 64;
    /** Headroom over the payload for the dead letter's other fields and the record's framing. */
    private static final int DEAD_LETTER_OVERHEAD_BYTES = 64 * 1024;

    private static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    public EnrichConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(commitInterval, "commitInterval");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        if (applicationId == null || !APPLICATION_ID.matcher(applicationId).matches()) {
            throw invalid(ENV_APPLICATION_ID, applicationId, "letters, digits, '.', '_' or '-', not empty");
        }
        if (numStreamThreads < 1 || numStreamThreads > MAX_STREAM_THREADS) {
            throw invalid(ENV_NUM_STREAM_THREADS, numStreamThreads, "between 1 and " + MAX_STREAM_THREADS);
        }
        if ((replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION)
                || replicationFactor > Short.MAX_VALUE) {
            throw invalid(ENV_REPLICATION_FACTOR, replicationFactor, "at least 1, or -1 for the broker's default");
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw invalid(ENV_COMMIT_INTERVAL_MS, commitInterval.toMillis(), "a positive number of milliseconds");
        }
        if (!TOPIC_PREFIX.matcher(topicPrefix).matches()) {
            throw invalid(ENV_TOPIC_PREFIX, topicPrefix, "letters, digits, '.', '_' or '-'");
        }
        if (deadLetterMaxBytes < 0 || deadLetterMaxBytes > Integer.MAX_VALUE - DEAD_LETTER_OVERHEAD_BYTES) {
            throw invalid(ENV_DEAD_LETTER_MAX_BYTES, deadLetterMaxBytes, "a number of bytes, 0 or more");
        }
        if (healthPort < NO_HEALTH_SERVER || healthPort > 65_535) {
            throw invalid(ENV_HEALTH_PORT, healthPort, "a port number, 0 for any free port, or -1 for none");
        }
    }

    /** Without a health endpoint. */
    public EnrichConfig(
            ClusterConfig cluster,
            String applicationId,
            int numStreamThreads,
            Path stateDir,
            int replicationFactor,
            Duration commitInterval,
            String topicPrefix,
            int deadLetterMaxBytes) {
        this(
                cluster,
                applicationId,
                numStreamThreads,
                stateDir,
                replicationFactor,
                commitInterval,
                topicPrefix,
                deadLetterMaxBytes,
                NO_HEALTH_SERVER);
    }

    /**
     * The defaults for everything but the cluster: what tests and the launcher start from. No health endpoint: in
     * those the embedding process reports health.
     */
    public static EnrichConfig defaults(ClusterConfig cluster) {
        return new EnrichConfig(
                cluster,
                DEFAULT_APPLICATION_ID,
                1,
                null,
                1,
                DEFAULT_COMMIT_INTERVAL,
                "",
                DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES,
                NO_HEALTH_SERVER);
    }

    /** Reads the process environment. */
    public static EnrichConfig fromEnvironment() {
        return fromEnvironment(Env.load());
    }

    public static EnrichConfig fromEnvironment(Map<String, String> env) {
        String stateDir = Env.text(env, ENV_STATE_DIR, null);
        return new EnrichConfig(
                ClusterConfig.fromEnvironment(env),
                env.getOrDefault(ENV_APPLICATION_ID, DEFAULT_APPLICATION_ID),
                Env.intValue(env, ENV_NUM_STREAM_THREADS, 1),
                stateDir == null ? null : Path.of(stateDir),
                Env.intValue(env, ENV_REPLICATION_FACTOR, 1),
                Duration.ofMillis(Env.intValue(env, ENV_COMMIT_INTERVAL_MS, (int) DEFAULT_COMMIT_INTERVAL.toMillis())),
                env.getOrDefault(ENV_TOPIC_PREFIX, ""),
                Env.intValue(env, ENV_DEAD_LETTER_MAX_BYTES, DeadLetters.DEFAULT_MAX_PAYLOAD_BYTES),
                Env.intValue(env, ENV_HEALTH_PORT, DEFAULT_HEALTH_PORT));
    }

    public EnrichConfig withApplicationId(String id) {
        return with(c -> c.applicationId = id);
    }

    public EnrichConfig withStateDir(Path dir) {
        return with(c -> c.stateDir = dir);
    }

    public EnrichConfig withTopicPrefix(String prefix) {
        return with(c -> c.topicPrefix = prefix);
    }

    public EnrichConfig withDeadLetterMaxBytes(int maxBytes) {
        return with(c -> c.deadLetterMaxBytes = maxBytes);
    }

    /** Replication of the internal topics Streams creates: 3 on a three-broker cluster. */
    public EnrichConfig withReplicationFactor(int factor) {
        return with(c -> c.replicationFactor = factor);
    }

    public EnrichConfig withHealthPort(int port) {
        return with(c -> c.healthPort = port);
    }

    /** A copy with {@code change} applied, validated again by the constructor: the one place every field is copied. */
    private EnrichConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields of an {@link EnrichConfig} being changed by one of its {@code with} methods. */
    private static final class Copy {
        ClusterConfig cluster;
        String applicationId;
        int numStreamThreads;
        Path stateDir;
        int replicationFactor;
        Duration commitInterval;
        String topicPrefix;
        int deadLetterMaxBytes;
        int healthPort;

        Copy(EnrichConfig c) {
            cluster = c.cluster;
            applicationId = c.applicationId;
            numStreamThreads = c.numStreamThreads;
            stateDir = c.stateDir;
            replicationFactor = c.replicationFactor;
            commitInterval = c.commitInterval;
            topicPrefix = c.topicPrefix;
            deadLetterMaxBytes = c.deadLetterMaxBytes;
            healthPort = c.healthPort;
        }

        EnrichConfig build() {
            return new EnrichConfig(
                    cluster,
                    applicationId,
                    numStreamThreads,
                    stateDir,
                    replicationFactor,
                    commitInterval,
                    topicPrefix,
                    deadLetterMaxBytes,
                    healthPort);
        }
    }

    /** The topic catalogue with this config's registry and prefix. */
    public Topics topics() {
        return Topics.create(cluster.serdeConfig(), topicPrefix);
    }

    /** The Kafka Streams configuration: the cluster's client properties (security included) under ours. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(cluster.kafkaProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        StreamsLatency.apply(props, commitInterval);
        StreamsBatching.apply(props);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        int largestDeadLetter = deadLetterMaxBytes + DEAD_LETTER_OVERHEAD_BYTES;
        if (largestDeadLetter > KAFKA_DEFAULT_MAX_REQUEST_SIZE
                && !props.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            // A dead letter carries the rejected record; the producer must accept one as large as the limit allows,
            // or writing it would fail the transaction and stop the stream thread on that record again and again.
            props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), largestDeadLetter);
        }
        return props;
    }

    private static IllegalArgumentException invalid(String variable, Object value, String expected) {
        return new IllegalArgumentException("Invalid " + variable + "='" + value + "': expected " + expected);
    }
}
