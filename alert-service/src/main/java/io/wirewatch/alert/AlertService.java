package io.wirewatch.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running alert-service: the Kafka Streams application built from {@link AlertTopology}. {@link #close()} stops it
 * cleanly, committing the open transaction and flushing its stores.
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AlertConfig config;
    private final KafkaStreams streams;

    private AlertService(AlertConfig config, KafkaStreams streams) {
        this.config = config;
        this.streams = streams;
    }

    public static AlertService start(AlertConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /** @param meterRegistry where the service's counters (dead letters) are registered */
    public static AlertService start(AlertConfig config, MeterRegistry meterRegistry) {
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
        return new AlertService(config, streams);
    }

    public AlertConfig config() {
        return config;
    }

    /** The Kafka Streams instance, for interactive queries of {@link AlertTopology#ALERTS_STORE} and health. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        LOG.info("Stopping alert-service {}", config.applicationId());
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("alert-service did not stop within {}", CLOSE_TIMEOUT);
        }
    }
}
