package io.wirewatch.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.http.AlertFeed;
import io.wirewatch.alert.http.AlertHttpServer;
import io.wirewatch.alert.http.Health;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.alert.http.StoreAlertQueries;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running alert-service: the Kafka Streams application built from {@link AlertTopology}, and the HTTP API
 * ({@link AlertHttpServer}) serving its {@link AlertTopology#ALERTS_STORE} store and a live feed of committed alerts.
 * {@link #close()} stops it cleanly: HTTP first, then the feed, then the streams (committing the open transaction
 * and flushing the stores).
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AlertConfig config;
    private final KafkaStreams streams;
    private final AlertFeed feed;
    private final AlertHttpServer http;

    private AlertService(AlertConfig config, KafkaStreams streams, AlertFeed feed, AlertHttpServer http) {
        this.config = config;
        this.streams = streams;
        this.feed = feed;
        this.http = http;
    }

    /** Starts with the default HTTP options on {@link AlertConfig#httpPort()}. */
    public static AlertService start(AlertConfig config) {
        return start(config, HttpOptions.defaults().withPort(config.httpPort()), new SimpleMeterRegistry());
    }

    /**
     * @param http          the HTTP API's options (its port should be {@link AlertConfig#httpPort()}, which is what
     *                      other instances are told through {@code application.server})
     * @param meterRegistry where the service's meters (dead letters, HTTP) are registered
     */
    public static AlertService start(AlertConfig config, HttpOptions http, MeterRegistry meterRegistry) {
        Topics topics = config.topics();
        Topology topology = AlertTopology.build(config, topics, meterRegistry);
        LOG.info("Starting alert-service {} ({} -> {}):\n{}", config.applicationId(), topics.articlesEnriched().name(),
                topics.alerts().name(), topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(error -> {
            // Input that the rules cannot handle is dead-lettered inside the topology; what reaches here is the
            // environment (broker or registry unreachable), which a fresh thread may well survive.
            LOG.error("Alert stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> LOG.info("alert-service {} -> {}", oldState, newState));
        streams.start();
        AlertFeed feed = null;
        try {
            feed = AlertFeed.fromTopic(config.cluster().kafkaProperties(), topics.alerts()).start();
            AlertHttpServer server = AlertHttpServer.start(http, StoreAlertQueries.of(streams), feed,
                    () -> Health.of(streams.state()), meterRegistry);
            return new AlertService(config, streams, feed, server);
        } catch (RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            streams.close(CLOSE_TIMEOUT);
            throw e;
        }
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
                if (!streams.close(CLOSE_TIMEOUT)) {
                    LOG.warn("alert-service did not stop within {}", CLOSE_TIMEOUT);
                }
            }
        }
    }
}
