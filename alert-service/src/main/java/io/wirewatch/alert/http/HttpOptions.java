package io.wirewatch.alert.http;

import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.http.HttpListener;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings of the alert service's HTTP server. Read from the environment by {@link #fromEnvironment} (each variable
 * optional, default in brackets):
 * <ul>
 *   <li>{@code ALERT_HTTP_PORT} [8080]: listening port; 0 picks a free one;</li>
 *   <li>{@code ALERT_HTTP_BIND} [0.0.0.0 with a read token, else 127.0.0.1], {@code ALERT_HTTP_TOKENS_FILE} [unset],
 *       {@code ALERT_HTTP_ALLOW_UNAUTHENTICATED} [false], {@code ALERT_HTTP_TLS_KEYSTORE} and
 *       {@code ALERT_HTTP_TLS_KEYSTORE_PASSWORD} [unset]: where and how it listens ({@link HttpListener}); with read
 *       tokens, every route but {@code /health}, {@code /metrics} and the page's static files needs one;</li>
 *   <li>{@code ALERT_HTTP_MAX_STREAMS} [32]: concurrent {@code /alerts/stream} connections; more get 503;</li>
 *   <li>{@code ALERT_HTTP_HEARTBEAT_SECONDS} [15]: idle time after which a stream gets a heartbeat comment;</li>
 *   <li>{@code ALERT_HTTP_RATE_PER_SECOND} [20] and {@code ALERT_HTTP_RATE_BURST} [40]: per-client-IP token bucket on
 *       {@code /alerts*}; beyond it, 429;</li>
 *   <li>{@code ALERT_HTTP_CORS_ORIGIN} [unset]: CORS is off unless this names the one origin allowed to read the API.</li>
 * </ul>
 *
 * @param streamQueueCapacity alert versions buffered per SSE client; a client that falls this far behind is
 *                            disconnected (its browser reconnects and replays) so it cannot hold up the others
 * @param requestThreads      threads for ordinary requests, in addition to one per allowed stream
 * @param maxUriLength        longest request target accepted (414 beyond)
 * @param maxHeaderBytes      largest sum of header names and values accepted (431 beyond)
 */
public record HttpOptions(
        HttpListener listener,
        int port,
        int maxStreams,
        Duration heartbeat,
        int streamQueueCapacity,
        double ratePerSecond,
        int rateBurst,
        Optional<String> corsOrigin,
        int requestThreads,
        int maxUriLength,
        int maxHeaderBytes) {

    public static final String ENV_PORT = "ALERT_HTTP_PORT";
    /** Prefix of the listener's variables: {@code _BIND}, {@code _TOKENS_FILE}, {@code _TLS_KEYSTORE} … */
    public static final String LISTENER_PREFIX = "ALERT_HTTP";

    public static final String ENV_BIND = "ALERT_HTTP_BIND";
    public static final String ENV_MAX_STREAMS = "ALERT_HTTP_MAX_STREAMS";
    public static final String ENV_HEARTBEAT_SECONDS = "ALERT_HTTP_HEARTBEAT_SECONDS";
    public static final String ENV_RATE_PER_SECOND = "ALERT_HTTP_RATE_PER_SECOND";
    public static final String ENV_RATE_BURST = "ALERT_HTTP_RATE_BURST";
    public static final String ENV_CORS_ORIGIN = "ALERT_HTTP_CORS_ORIGIN";

    public HttpOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(corsOrigin, "corsOrigin");
        require(port >= 0 && port <= 65_535, ENV_PORT, "must be 0 to 65535, was " + port);
        require(maxStreams >= 1, ENV_MAX_STREAMS, "must be at least 1, was " + maxStreams);
        require(
                !heartbeat.isNegative() && !heartbeat.isZero(),
                ENV_HEARTBEAT_SECONDS,
                "must be positive, was " + heartbeat);
        require(ratePerSecond > 0, ENV_RATE_PER_SECOND, "must be positive, was " + ratePerSecond);
        require(rateBurst >= 1, ENV_RATE_BURST, "must be at least 1, was " + rateBurst);
        require(streamQueueCapacity >= 1, "streamQueueCapacity", "must be at least 1");
        require(requestThreads >= 1, "requestThreads", "must be at least 1");
        require(maxUriLength >= 16, "maxUriLength", "must be at least 16");
        require(maxHeaderBytes >= 256, "maxHeaderBytes", "must be at least 256");
    }

    /** Port 8080 on loopback without tokens, the limits documented above. */
    public static HttpOptions defaults() {
        return new HttpOptions(
                HttpListener.loopback(),
                8080,
                32,
                Duration.ofSeconds(15),
                256,
                20,
                40,
                Optional.empty(),
                4,
                2048,
                16_384);
    }

    /** The defaults, overridden by the {@code ALERT_HTTP_*} variables present in {@code env}. */
    public static HttpOptions fromEnvironment(Map<String, String> env) {
        HttpOptions defaults = defaults();
        String cors = env.get(ENV_CORS_ORIGIN);
        return new HttpOptions(
                HttpListener.fromEnvironment(env, LISTENER_PREFIX),
                Env.intValue(env, ENV_PORT, defaults.port()),
                Env.intValue(env, ENV_MAX_STREAMS, defaults.maxStreams()),
                Duration.ofSeconds(Env.intValue(
                        env, ENV_HEARTBEAT_SECONDS, (int) defaults.heartbeat().toSeconds())),
                defaults.streamQueueCapacity(),
                Env.doubleValue(env, ENV_RATE_PER_SECOND, defaults.ratePerSecond()),
                Env.intValue(env, ENV_RATE_BURST, defaults.rateBurst()),
                cors == null || cors.isBlank() ? Optional.empty() : Optional.of(cors.strip()),
                defaults.requestThreads(),
                defaults.maxUriLength(),
                defaults.maxHeaderBytes());
    }

    /** The interface listened on. */
    public String bindAddress() {
        return listener.bindAddress();
    }

    public HttpOptions withBindAddress(String value) {
        return withListener(listener.withBindAddress(value));
    }

    /** Where and how to listen: interface, read tokens, TLS. */
    public HttpOptions withListener(HttpListener value) {
        return with(c -> c.listener = value);
    }

    public HttpOptions withPort(int value) {
        return with(c -> c.port = value);
    }

    public HttpOptions withMaxStreams(int value) {
        return with(c -> c.maxStreams = value);
    }

    public HttpOptions withHeartbeat(Duration value) {
        return with(c -> c.heartbeat = value);
    }

    public HttpOptions withStreamQueueCapacity(int value) {
        return with(c -> c.streamQueueCapacity = value);
    }

    public HttpOptions withRateLimit(double perSecond, int burst) {
        return with(c -> {
            c.ratePerSecond = perSecond;
            c.rateBurst = burst;
        });
    }

    public HttpOptions withCorsOrigin(String origin) {
        return with(c -> c.corsOrigin = Optional.of(origin));
    }

    /** A copy with {@code change} applied, validated again by the constructor: the one place every field is copied. */
    private HttpOptions with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields of an {@link HttpOptions} being changed by one of its {@code with} methods. */
    private static final class Copy {
        HttpListener listener;
        int port;
        int maxStreams;
        Duration heartbeat;
        int streamQueueCapacity;
        double ratePerSecond;
        int rateBurst;
        Optional<String> corsOrigin;
        int requestThreads;
        int maxUriLength;
        int maxHeaderBytes;

        Copy(HttpOptions c) {
            listener = c.listener;
            port = c.port;
            maxStreams = c.maxStreams;
            heartbeat = c.heartbeat;
            streamQueueCapacity = c.streamQueueCapacity;
            ratePerSecond = c.ratePerSecond;
            rateBurst = c.rateBurst;
            corsOrigin = c.corsOrigin;
            requestThreads = c.requestThreads;
            maxUriLength = c.maxUriLength;
            maxHeaderBytes = c.maxHeaderBytes;
        }

        HttpOptions build() {
            return new HttpOptions(
                    listener,
                    port,
                    maxStreams,
                    heartbeat,
                    streamQueueCapacity,
                    ratePerSecond,
                    rateBurst,
                    corsOrigin,
                    requestThreads,
                    maxUriLength,
                    maxHeaderBytes);
        }
    }

    private static void require(boolean condition, String name, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Configuration " + name + " " + problem);
        }
    }
}
