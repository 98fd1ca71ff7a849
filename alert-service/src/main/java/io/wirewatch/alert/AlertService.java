package io.wirewatch.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.wirewatch.alert.http.AlertFeed;
import io.wirewatch.alert.http.AlertHttpServer;
import io.wirewatch.alert.http.Health;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.alert.http.StoreAlertQueries;
import io.wirewatch.alert.http.StoreCasualtyQueries;
import io.wirewatch.alert.rules.CasualtyDayState;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.streams.StreamsShutdown;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running alert-service: the Kafka Streams application built from {@link AlertTopology}, and the HTTP API
 * ({@link AlertHttpServer}) serving its {@link AlertTopology#ALERTS_STORE} store and a live feed of committed alerts.
 * {@link #close()} stops it cleanly: HTTP first, then the feed, then the streams (committing the open transaction
 * and flushing the stores, then leaving the consumer group so that a restart need not wait for the session timeout).
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AlertConfig config;
    private final KafkaStreams streams;
    private final AlertFeed feed;
    private final AlertHttpServer http;
    private final KafkaStreamsMetrics streamsMetrics;

    private AlertService(
            AlertConfig config,
            KafkaStreams streams,
            AlertFeed feed,
            AlertHttpServer http,
            KafkaStreamsMetrics streamsMetrics) {
        this.config = config;
        this.streams = streams;
        this.feed = feed;
        this.http = http;
        this.streamsMetrics = streamsMetrics;
    }

    /**
     * Starts as the container image does: {@link AlertConfig} and the {@code ALERT_HTTP_*} options from {@code env},
     * meters in the global registry (with a Prometheus view served on {@code GET /metrics}).
     */
    public static AlertService startFromEnvironment(Map<String, String> env) {
        AlertConfig config = AlertConfig.fromEnvironment(env);
        return start(config, HttpOptions.fromEnvironment(env).withPort(config.httpPort()), Metrics.globalRegistry);
    }

    /**
     * Starts with the default HTTP options on {@link AlertConfig#httpPort()} and a private Prometheus meter registry,
     * served on {@code GET /metrics}.
     */
    public static AlertService start(AlertConfig config) {
        return start(config, HttpOptions.defaults().withPort(config.httpPort()), PrometheusMetrics.newRegistry());
    }

    /**
     * @param http          the HTTP API's options; the port it binds is what other instances are told through
     *                      {@code application.server} (with {@link AlertConfig#advertisedHost()})
     * @param meterRegistry where the service's meters (dead letters, HTTP, Kafka Streams client metrics) are
     *                      registered; {@code GET /metrics} renders it when it is, or holds, a Prometheus registry
     */
    public static AlertService start(AlertConfig config, HttpOptions http, MeterRegistry meterRegistry) {
        return start(config, http, meterRegistry, AlertTopology.build(config, config.topics(), meterRegistry));
    }

    /**
     * Starts with a topology built elsewhere from the same config: {@link AlertTopology#buildPassThrough} for bench
     * e2e's measure of the topology's shape.
     */
    public static AlertService start(
            AlertConfig config, HttpOptions http, MeterRegistry meterRegistry, Topology topology) {
        Topics topics = config.topics();
        LOG.info(
                "Starting alert-service {} ({}, {} -> {}):\n{}",
                config.applicationId(),
                topics.diplomaticByEvent().name(),
                topics.casualtiesByPlace().name(),
                topics.alerts().name(),
                topology.describe());
        // The HTTP API binds first, so that application.server advertises the port actually bound (port 0 picks one);
        // until the streams exist it answers 503 / DOWN.
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Alert>> alertsStore =
                StoreQueryParameters.fromNameAndType(AlertTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore());
        StoreAlertQueries queries = new StoreAlertQueries(() -> {
            KafkaStreams streams = running.get();
            if (streams == null) {
                throw new InvalidStateStoreException("alert-service is starting");
            }
            return streams.store(alertsStore);
        });
        StoreQueryParameters<ReadOnlyKeyValueStore<String, CasualtyDayState>> daysStore =
                StoreQueryParameters.fromNameAndType(
                        AlertTopology.CASUALTY_DAYS_STORE, QueryableStoreTypes.keyValueStore());
        StoreCasualtyQueries casualties = new StoreCasualtyQueries(
                () -> {
                    KafkaStreams streams = running.get();
                    if (streams == null) {
                        throw new InvalidStateStoreException("alert-service is starting");
                    }
                    return streams.store(daysStore);
                },
                config.rules().baselineDays());
        AlertFeed feed = AlertFeed.fromTopic(config.cluster().kafkaProperties(), topics.alerts(), meterRegistry)
                .start();
        AlertHttpServer server;
        try {
            server = AlertHttpServer.start(
                    http,
                    queries,
                    casualties,
                    feed,
                    () -> {
                        KafkaStreams streams = running.get();
                        return streams == null ? Health.down("starting") : Health.of(streams.state());
                    },
                    meterRegistry);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        KafkaStreams streams;
        try {
            streams = new KafkaStreams(
                    topology, config.withHttpPort(server.port()).streamsProperties());
        } catch (RuntimeException e) {
            server.close();
            feed.close();
            throw e;
        }
        streams.setUncaughtExceptionHandler(error -> {
            // Input that the rules cannot handle is dead-lettered inside the topology; what reaches here is the
            // environment (broker or registry unreachable), which a fresh thread may well survive.
            LOG.error("Alert stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> LOG.info("alert-service {} -> {}", oldState, newState));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meterRegistry);
        running.set(streams);
        streams.start();
        return new AlertService(config, streams, feed, server, streamsMetrics);
    }

    public AlertConfig config() {
        return config;
    }

    /** The Kafka Streams instance, for interactive queries of {@link AlertTopology#ALERTS_STORE} and health. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The HTTP API (its actual port when configured with port 0). */
    public AlertHttpServer http() {
        return http;
    }

    @Override
    public void close() {
        LOG.info("Stopping alert-service {}", config.applicationId());
        try {
            http.close();
        } finally {
            try {
                feed.close();
            } finally {
                // A planned stop leaves the consumer group, so a restart is given its tasks without waiting out the old
                // member's session (StreamsShutdown).
                if (!StreamsShutdown.close(streams, CLOSE_TIMEOUT)) {
                    LOG.warn("alert-service did not stop within {}", CLOSE_TIMEOUT);
                }
                streamsMetrics.close();
            }
        }
    }
}
