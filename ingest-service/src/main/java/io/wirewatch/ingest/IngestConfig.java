package io.wirewatch.ingest;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.http.HttpListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything ingest-service needs to run. From the environment ({@link #fromEnvironment}):
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL} and the other cluster settings of
 *       {@link ClusterConfig};</li>
 *   <li>{@code WIREWATCH_TOPIC_PREFIX} (default empty): put in front of every topic name;</li>
 *   <li>{@code INGEST_HTTP_PORT} (default {@code 8090}): port of {@code POST /articles} and {@code GET /health};
 *       {@code 0} picks a free port, {@code off} (or a negative number) serves no HTTP;</li>
 *   <li>{@code INGEST_WATCH_DIR} (default none): a directory to watch for new article files;</li>
 *   <li>{@code INGEST_MAX_ARTICLE_BYTES} (default 2 MiB): largest article (file, JSONL line, text) accepted, and how
 *       much of a rejected input a dead letter keeps;</li>
 *   <li>{@code INGEST_MAX_REQUEST_BYTES} (default: the article limit): largest HTTP body accepted;</li>
 *   <li>{@code INGEST_HTTP_RATE_LIMIT} (default 50): HTTP requests per second per client (its token's name when
 *       tokens guard the endpoint, else its address);</li>
 *   <li>{@code INGEST_HTTP_BIND}, {@code INGEST_HTTP_TOKENS_FILE}, {@code INGEST_HTTP_ALLOW_UNAUTHENTICATED},
 *       {@code INGEST_HTTP_TLS_KEYSTORE}, {@code INGEST_HTTP_TLS_KEYSTORE_PASSWORD}: where and how
 *       {@code POST /articles} listens ({@link HttpListener}: loopback only unless tokens are set or the opt-in);</li>
 *   <li>{@code INGEST_HTTP_ACK_TIMEOUT_MS} (default 5000): how long a post waits for the broker's acknowledgement of
 *       its articles before answering 503 (a 202 means the articles are in {@code articles.raw});</li>
 *   <li>{@code INGEST_HTTP_MAX_PENDING_BYTES} (default 16 MiB): articles sent but not yet acknowledged, beyond which
 *       posts get 503 at once without sending;</li>
 *   <li>{@code INGEST_HTTP_BODY_TIMEOUT_MS} (default 30000): how long an HTTP client may take to send its whole body
 *       before its connection is closed (slow-loris clients);</li>
 *   <li>{@code INGEST_NEAR_DUPLICATE_THRESHOLD} (default 0.8): estimated Jaccard similarity that makes a
 *       near-duplicate;</li>
 *   <li>{@code INGEST_NEAR_DUPLICATE_WINDOW} (default 10000): how many recent articles near-duplicates are sought
 *       among;</li>
 *   <li>{@code INGEST_WATCH_RESCAN_MS} (default 2000): how often the watched directory is listed even without file
 *       events;</li>
 *   <li>{@code INGEST_CLIENT_ID} (default {@code wirewatch-ingest}): Kafka client id.</li>
 * </ul>
 */
public record IngestConfig(
        ClusterConfig cluster,
        String topicPrefix,
        int httpPort,
        Path watchDirectory,
        int maxArticleBytes,
        int maxRequestBytes,
        double httpRequestsPerSecond,
        Duration httpBodyReadTimeout,
        double nearDuplicateThreshold,
        int nearDuplicateWindow,
        Duration watchRescanInterval,
        Duration watchSettleInterval,
        String clientId,
        HttpListener httpListener,
        Duration httpAckTimeout,
        long httpMaxPendingBytes) {

    public static final String ENV_TOPIC_PREFIX = "WIREWATCH_TOPIC_PREFIX";
    public static final String ENV_HTTP_PORT = "INGEST_HTTP_PORT";
    public static final String ENV_WATCH_DIR = "INGEST_WATCH_DIR";
    public static final String ENV_MAX_ARTICLE_BYTES = "INGEST_MAX_ARTICLE_BYTES";
    public static final String ENV_MAX_REQUEST_BYTES = "INGEST_MAX_REQUEST_BYTES";
    public static final String ENV_HTTP_RATE_LIMIT = "INGEST_HTTP_RATE_LIMIT";
    public static final String ENV_HTTP_BODY_TIMEOUT_MS = "INGEST_HTTP_BODY_TIMEOUT_MS";
    public static final String ENV_NEAR_DUPLICATE_THRESHOLD = "INGEST_NEAR_DUPLICATE_THRESHOLD";
    public static final String ENV_NEAR_DUPLICATE_WINDOW = "INGEST_NEAR_DUPLICATE_WINDOW";
    public static final String ENV_WATCH_RESCAN_MS = "INGEST_WATCH_RESCAN_MS";
    public static final String ENV_CLIENT_ID = "INGEST_CLIENT_ID";
    /** Prefix of the listener's variables ({@link HttpListener#fromEnvironment}): _BIND, _TOKENS_FILE, TLS … */
    public static final String HTTP_PREFIX = "INGEST_HTTP";

    public static final String ENV_HTTP_ACK_TIMEOUT_MS = "INGEST_HTTP_ACK_TIMEOUT_MS";
    public static final String ENV_HTTP_MAX_PENDING_BYTES = "INGEST_HTTP_MAX_PENDING_BYTES";

    public static final int DEFAULT_HTTP_PORT = 8090;
    public static final int HTTP_OFF = -1;
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
    public static final Duration DEFAULT_HTTP_BODY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HTTP_ACK_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_HTTP_MAX_PENDING_BYTES = 16L * 1024 * 1024;

    public IngestConfig {
        Objects.requireNonNull(cluster, "cluster");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        if (httpPort > 65_535) {
            throw new IllegalArgumentException(
                    ENV_HTTP_PORT + " must be a port number (0-65535), 'off' or -1, was " + httpPort);
        }
        if (httpPort < 0) {
            httpPort = HTTP_OFF;
        }
        requirePositive(maxArticleBytes, ENV_MAX_ARTICLE_BYTES);
        requirePositive(maxRequestBytes, ENV_MAX_REQUEST_BYTES);
        if (!(httpRequestsPerSecond > 0)) {
            throw new IllegalArgumentException(ENV_HTTP_RATE_LIMIT + " must be positive, was " + httpRequestsPerSecond);
        }
        if (!(nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1)) {
            throw new IllegalArgumentException(
                    ENV_NEAR_DUPLICATE_THRESHOLD + " must be in (0, 1], was " + nearDuplicateThreshold);
        }
        Objects.requireNonNull(httpBodyReadTimeout, "httpBodyReadTimeout");
        if (httpBodyReadTimeout.isNegative() || httpBodyReadTimeout.isZero()) {
            throw new IllegalArgumentException(
                    ENV_HTTP_BODY_TIMEOUT_MS + " must be positive, was " + httpBodyReadTimeout.toMillis());
        }
        requirePositive(nearDuplicateWindow, ENV_NEAR_DUPLICATE_WINDOW);
        Objects.requireNonNull(watchRescanInterval, "watchRescanInterval");
        Objects.requireNonNull(watchSettleInterval, "watchSettleInterval");
        if (watchRescanInterval.isNegative() || watchRescanInterval.isZero()) {
            throw new IllegalArgumentException(ENV_WATCH_RESCAN_MS + " must be positive");
        }
        clientId = clientId == null || clientId.isBlank() ? "wirewatch-ingest" : clientId;
        Objects.requireNonNull(httpListener, "httpListener");
        Objects.requireNonNull(httpAckTimeout, "httpAckTimeout");
        if (httpAckTimeout.isNegative() || httpAckTimeout.isZero()) {
            throw new IllegalArgumentException(
                    ENV_HTTP_ACK_TIMEOUT_MS + " must be positive, was " + httpAckTimeout.toMillis());
        }
        requirePositive(httpMaxPendingBytes, ENV_HTTP_MAX_PENDING_BYTES);
    }

    /** Defaults for everything but the cluster: HTTP on 8090, no watch directory, 2 MiB limit. */
    public static IngestConfig defaults(ClusterConfig cluster) {
        return new IngestConfig(
                cluster,
                "",
                DEFAULT_HTTP_PORT,
                null,
                DEFAULT_MAX_ARTICLE_BYTES,
                DEFAULT_MAX_ARTICLE_BYTES,
                50,
                DEFAULT_HTTP_BODY_TIMEOUT,
                0.8,
                10_000,
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                "wirewatch-ingest",
                HttpListener.loopback(),
                DEFAULT_HTTP_ACK_TIMEOUT,
                DEFAULT_HTTP_MAX_PENDING_BYTES);
    }

    /** Reads the environment variables listed in the class comment; a bad value fails naming the variable. */
    public static IngestConfig fromEnvironment(Map<String, String> env) {
        IngestConfig defaults = defaults(ClusterConfig.fromEnvironment(env));
        int maxArticleBytes = Env.intValue(env, ENV_MAX_ARTICLE_BYTES, defaults.maxArticleBytes());
        String watch = env.get(ENV_WATCH_DIR);
        return new IngestConfig(
                defaults.cluster(),
                env.getOrDefault(ENV_TOPIC_PREFIX, ""),
                httpPort(env.get(ENV_HTTP_PORT)),
                watch == null || watch.isBlank() ? null : Path.of(watch.strip()),
                maxArticleBytes,
                Env.intValue(env, ENV_MAX_REQUEST_BYTES, maxArticleBytes),
                Env.doubleValue(env, ENV_HTTP_RATE_LIMIT, defaults.httpRequestsPerSecond()),
                Duration.ofMillis(Env.intValue(env, ENV_HTTP_BODY_TIMEOUT_MS, (int)
                        defaults.httpBodyReadTimeout().toMillis())),
                Env.doubleValue(env, ENV_NEAR_DUPLICATE_THRESHOLD, defaults.nearDuplicateThreshold()),
                Env.intValue(env, ENV_NEAR_DUPLICATE_WINDOW, defaults.nearDuplicateWindow()),
                Duration.ofMillis(Env.intValue(env, ENV_WATCH_RESCAN_MS, (int)
                        defaults.watchRescanInterval().toMillis())),
                defaults.watchSettleInterval(),
                env.getOrDefault(ENV_CLIENT_ID, defaults.clientId()),
                HttpListener.fromEnvironment(env, HTTP_PREFIX),
                Duration.ofMillis(Env.intValue(env, ENV_HTTP_ACK_TIMEOUT_MS, (int)
                        defaults.httpAckTimeout().toMillis())),
                Env.longValue(env, ENV_HTTP_MAX_PENDING_BYTES, defaults.httpMaxPendingBytes()));
    }

    public IngestConfig withTopicPrefix(String prefix) {
        return with(b -> b.topicPrefix = prefix);
    }

    /** {@code 0} for a free port, negative for no HTTP. */
    public IngestConfig withHttpPort(int port) {
        return with(b -> b.httpPort = port);
    }

    /** Null for no watching. */
    public IngestConfig withWatchDirectory(Path directory) {
        return with(b -> b.watchDirectory = directory);
    }

    /** Sets both the article and the request limit. */
    public IngestConfig withMaxArticleBytes(int bytes) {
        return with(b -> {
            b.maxArticleBytes = bytes;
            b.maxRequestBytes = bytes;
        });
    }

    public IngestConfig withWatchIntervals(Duration rescan, Duration settle) {
        return with(b -> {
            b.watchRescanInterval = rescan;
            b.watchSettleInterval = settle;
        });
    }

    /** Where and how {@code POST /articles} listens: interface, tokens, TLS. */
    public IngestConfig withHttpListener(HttpListener listener) {
        return with(b -> b.httpListener = listener);
    }

    /**
     * How long a {@code POST} waits for the broker to acknowledge its articles before answering 503, and how many
     * bytes of articles may wait unacknowledged before new posts get 503 at once.
     */
    public IngestConfig withHttpBackpressure(Duration ackTimeout, long maxPendingBytes) {
        return with(b -> {
            b.httpAckTimeout = ackTimeout;
            b.httpMaxPendingBytes = maxPendingBytes;
        });
    }

    /** Requests per second per client (per token when tokens guard the endpoint). */
    public IngestConfig withHttpRateLimit(double perSecond) {
        return with(b -> b.httpRequestsPerSecond = perSecond);
    }

    /** A copy with {@code change} applied, validated again by the constructor: the one place every field is copied. */
    private IngestConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields of an {@link IngestConfig} being changed by one of its {@code with} methods. */
    private static final class Copy {
        ClusterConfig cluster;
        String topicPrefix;
        int httpPort;
        Path watchDirectory;
        int maxArticleBytes;
        int maxRequestBytes;
        double httpRequestsPerSecond;
        Duration httpBodyReadTimeout;
        double nearDuplicateThreshold;
        int nearDuplicateWindow;
        Duration watchRescanInterval;
        Duration watchSettleInterval;
        String clientId;
        HttpListener httpListener;
        Duration httpAckTimeout;
        long httpMaxPendingBytes;

        Copy(IngestConfig c) {
            cluster = c.cluster;
            topicPrefix = c.topicPrefix;
            httpPort = c.httpPort;
            watchDirectory = c.watchDirectory;
            maxArticleBytes = c.maxArticleBytes;
            maxRequestBytes = c.maxRequestBytes;
            httpRequestsPerSecond = c.httpRequestsPerSecond;
            httpBodyReadTimeout = c.httpBodyReadTimeout;
            nearDuplicateThreshold = c.nearDuplicateThreshold;
            nearDuplicateWindow = c.nearDuplicateWindow;
            watchRescanInterval = c.watchRescanInterval;
            watchSettleInterval = c.watchSettleInterval;
            clientId = c.clientId;
            httpListener = c.httpListener;
            httpAckTimeout = c.httpAckTimeout;
            httpMaxPendingBytes = c.httpMaxPendingBytes;
        }

        IngestConfig build() {
            return new IngestConfig(
                    cluster,
                    topicPrefix,
                    httpPort,
                    watchDirectory,
                    maxArticleBytes,
                    maxRequestBytes,
                    httpRequestsPerSecond,
                    httpBodyReadTimeout,
                    nearDuplicateThreshold,
                    nearDuplicateWindow,
                    watchRescanInterval,
                    watchSettleInterval,
                    clientId,
                    httpListener,
                    httpAckTimeout,
                    httpMaxPendingBytes);
        }
    }

    public boolean httpEnabled() {
        return httpPort >= 0;
    }

    static int httpPort(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_HTTP_PORT;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("none") || text.equals("false")) {
            return HTTP_OFF;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    ENV_HTTP_PORT + " must be a port number, 0 or 'off', was '" + value + "'", e);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
