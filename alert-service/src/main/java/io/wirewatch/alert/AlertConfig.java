package io.wirewatch.alert;

import io.wirewatch.alert.rules.RuleSettings;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.streams.StreamsBatching;
import io.wirewatch.platform.streams.StreamsLatency;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Configuration of alert-service: where the cluster is (see {@link ClusterConfig}), plus its own settings, each read
 * from an environment variable with a default:
 * <ul>
 *   <li>{@code ALERT_APPLICATION_ID} (default {@code wirewatch-alert}): Kafka Streams application id, which names the
 *       consumer group, the changelog and repartition topics and the transactional ids.</li>
 *   <li>{@code ALERT_NUM_STREAM_THREADS} (1).</li>
 *   <li>{@code ALERT_STATE_DIR} (the JVM temp dir + {@code /wirewatch-alert-state}): local RocksDB state.</li>
 *   <li>{@code ALERT_HTTP_PORT} (8080) and {@code ALERT_ADVERTISED_HOST} (localhost): the HTTP API, advertised to
 *       other instances as {@code application.server} for interactive queries.</li>
 *   <li>{@code ALERT_NOVELTY_WINDOW_DAYS} (30), {@code ALERT_SPIKE_MIN} (20), {@code ALERT_SPIKE_FACTOR} (3),
 *       {@code ALERT_BASELINE_DAYS} (7), {@code ALERT_STATE_RETENTION_DAYS} (120; 0 keeps the rules' state for ever):
 *       the rules, see {@link RuleSettings}.</li>
 *   <li>{@code WIREWATCH_TOPIC_PREFIX} (empty): prefix of every topic name.</li>
 *   <li>{@code ALERT_REPLICATION_FACTOR} (1): of the internal (changelog) topics; -1 takes the brokers'
 *       {@code default.replication.factor} (what the compose file sets: 1 on one broker, 3 on the cluster).</li>
 *   <li>{@code ALERT_COMMIT_INTERVAL_MS} (20): how often the exactly-once transaction commits; an alert waits up to one
 *       interval here (enrich-service cuts and keys the shares, so alert-service has no repartition and no second
 *       stage); 20 rather than 50 ms to bring steady ingest->alert p99 at 50 articles/s under 250 ms, for a
 *       transaction every 20 ms of a busy thread instead of every 50 (see {@link StreamsLatency}).</li>
 * </ul>
 */
public record AlertConfig(
        ClusterConfig cluster,
        String applicationId,
        int numStreamThreads,
        Path stateDir,
        String advertisedHost,
        int httpPort,
        RuleSettings rules,
        String topicPrefix,
        int replicationFactor,
        Duration commitInterval) {

    public static final String ENV_APPLICATION_ID = "ALERT_APPLICATION_ID";
    public static final String ENV_NUM_STREAM_THREADS = "ALERT_NUM_STREAM_THREADS";
    public static final String ENV_STATE_DIR = "ALERT_STATE_DIR";
    public static final String ENV_ADVERTISED_HOST = "ALERT_ADVERTISED_HOST";
    public static final String ENV_HTTP_PORT = "ALERT_HTTP_PORT";
    public static final String ENV_NOVELTY_WINDOW_DAYS = "ALERT_NOVELTY_WINDOW_DAYS";
    public static final String ENV_SPIKE_MIN = "ALERT_SPIKE_MIN";
    public static final String ENV_SPIKE_FACTOR = "ALERT_SPIKE_FACTOR";
    public static final String ENV_BASELINE_DAYS = "ALERT_BASELINE_DAYS";
    public static final String ENV_STATE_RETENTION_DAYS = "ALERT_STATE_RETENTION_DAYS";
    public static final String ENV_TOPIC_PREFIX = "WIREWATCH_TOPIC_PREFIX";
    public static final String ENV_REPLICATION_FACTOR = "ALERT_REPLICATION_FACTOR";
    public static final String ENV_COMMIT_INTERVAL_MS = "ALERT_COMMIT_INTERVAL_MS";
    /** Kafka Streams' own value for "whatever the brokers' {@code default.replication.factor} is". */
    public static final int BROKER_DEFAULT_REPLICATION = -1;

    public static final String DEFAULT_APPLICATION_ID = "wirewatch-alert";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public AlertConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(stateDir, "stateDir");
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException(ENV_APPLICATION_ID + " must not be empty");
        }
        if (numStreamThreads < 1) {
            throw new IllegalArgumentException(ENV_NUM_STREAM_THREADS + " must be at least 1, was " + numStreamThreads);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException(ENV_HTTP_PORT + " must be a port number (0-65535), was " + httpPort);
        }
        if (advertisedHost == null || advertisedHost.isBlank()) {
            throw new IllegalArgumentException(ENV_ADVERTISED_HOST + " must not be empty");
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException(ENV_REPLICATION_FACTOR
                    + " must be at least 1, or -1 for the broker's default, was " + replicationFactor);
        }
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException(ENV_COMMIT_INTERVAL_MS
                    + " must be a positive number of milliseconds, was " + commitInterval.toMillis());
        }
    }

    /** Defaults for everything but the cluster, for tests and the launcher. */
    public static AlertConfig defaults(ClusterConfig cluster) {
        return new AlertConfig(
                cluster,
                DEFAULT_APPLICATION_ID,
                1,
                defaultStateDir(),
                "localhost",
                DEFAULT_HTTP_PORT,
                RuleSettings.DEFAULTS,
                "",
                1,
                StreamsLatency.DEFAULT_COMMIT_INTERVAL);
    }

    public static AlertConfig fromEnvironment() {
        return fromEnvironment(Env.load());
    }

    /** Reads the variables listed on the class; a malformed one fails with a message naming it. */
    public static AlertConfig fromEnvironment(Map<String, String> env) {
        RuleSettings rules;
        try {
            rules = new RuleSettings(
                    Env.intValue(env, ENV_NOVELTY_WINDOW_DAYS, RuleSettings.DEFAULTS.noveltyWindowDays()),
                    Env.intValue(env, ENV_SPIKE_MIN, RuleSettings.DEFAULTS.spikeMin()),
                    Env.doubleValue(env, ENV_SPIKE_FACTOR, RuleSettings.DEFAULTS.spikeFactor()),
                    Env.intValue(env, ENV_BASELINE_DAYS, RuleSettings.DEFAULTS.baselineDays()));
            String retention = env.get(ENV_STATE_RETENTION_DAYS);
            if (retention != null && !retention.isBlank()) {
                rules = rules.withStateRetentionDays(Env.intValue(env, ENV_STATE_RETENTION_DAYS, 0));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid alert rule settings (" + ENV_NOVELTY_WINDOW_DAYS + ", "
                            + ENV_SPIKE_MIN + ", " + ENV_SPIKE_FACTOR + ", " + ENV_BASELINE_DAYS + ", "
                            + ENV_STATE_RETENTION_DAYS
                            + "): " + e.getMessage(),
                    e);
        }
        String stateDir = env.get(ENV_STATE_DIR);
        return new AlertConfig(
                ClusterConfig.fromEnvironment(env),
                env.getOrDefault(ENV_APPLICATION_ID, DEFAULT_APPLICATION_ID),
                Env.intValue(env, ENV_NUM_STREAM_THREADS, 1),
                stateDir == null || stateDir.isBlank() ? defaultStateDir() : Path.of(stateDir),
                env.getOrDefault(ENV_ADVERTISED_HOST, "localhost"),
                Env.intValue(env, ENV_HTTP_PORT, DEFAULT_HTTP_PORT),
                rules,
                env.getOrDefault(ENV_TOPIC_PREFIX, ""),
                Env.intValue(env, ENV_REPLICATION_FACTOR, 1),
                Duration.ofMillis(Env.intValue(
                        env, ENV_COMMIT_INTERVAL_MS, (int) StreamsLatency.DEFAULT_COMMIT_INTERVAL.toMillis())));
    }

    public AlertConfig withApplicationId(String id) {
        return with(c -> c.applicationId = id);
    }

    public AlertConfig withStateDir(Path dir) {
        return with(c -> c.stateDir = dir);
    }

    public AlertConfig withTopicPrefix(String prefix) {
        return with(c -> c.topicPrefix = prefix);
    }

    public AlertConfig withHttpPort(int port) {
        return with(c -> c.httpPort = port);
    }

    /** Replication of the changelog topics: 3 on a three-broker cluster, so state outlives a broker. */
    public AlertConfig withReplicationFactor(int factor) {
        return with(c -> c.replicationFactor = factor);
    }

    public AlertConfig withRules(RuleSettings settings) {
        return with(c -> c.rules = settings);
    }

    /** A copy with {@code change} applied, validated again by the constructor: the one place every field is copied. */
    private AlertConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields of an {@link AlertConfig} being changed by one of its {@code with} methods. */
    private static final class Copy {
        ClusterConfig cluster;
        String applicationId;
        int numStreamThreads;
        Path stateDir;
        String advertisedHost;
        int httpPort;
        RuleSettings rules;
        String topicPrefix;
        int replicationFactor;
        Duration commitInterval;

        Copy(AlertConfig c) {
            cluster = c.cluster;
            applicationId = c.applicationId;
            numStreamThreads = c.numStreamThreads;
            stateDir = c.stateDir;
            advertisedHost = c.advertisedHost;
            httpPort = c.httpPort;
            rules = c.rules;
            topicPrefix = c.topicPrefix;
            replicationFactor = c.replicationFactor;
            commitInterval = c.commitInterval;
        }

        AlertConfig build() {
            return new AlertConfig(
                    cluster,
                    applicationId,
                    numStreamThreads,
                    stateDir,
                    advertisedHost,
                    httpPort,
                    rules,
                    topicPrefix,
                    replicationFactor,
                    commitInterval);
        }
    }

    /** The topic catalogue with this service's prefix. */
    public Topics topics() {
        return Topics.create(cluster.serdeConfig(), topicPrefix);
    }

    /** The Kafka Streams configuration: exactly-once v2, the cluster's client and security properties. */
    public Properties streamsProperties() {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost + ":" + httpPort);
        // alerts-by-id is a table of the alerts topic: restore it from that topic instead of writing every alert
        // version a second time to a changelog (KAFKA_TOPOLOGY_OPTIMIZATION=none turns this off).
        props.putIfAbsent(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        Properties properties = new Properties();
        properties.putAll(props);
        StreamsLatency.apply(properties, commitInterval);
        StreamsBatching.apply(properties);
        return properties;
    }

    private static Path defaultStateDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "wirewatch-alert-state");
    }
}
