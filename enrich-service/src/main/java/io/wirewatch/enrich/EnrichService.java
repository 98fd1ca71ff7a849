package io.wirewatch.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.health.HealthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running enrich-service: the {@link EnrichTopology} in a started {@link KafkaStreams}, and, when configured, a
 * {@code GET /health} endpoint that answers 200 while the streams are RUNNING or REBALANCING and 503 otherwise.
 * Closing it stops the stream threads, committing what they have processed.
 */
public final class EnrichService implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;
    private final MeterRegistry meterRegistry;
    private final String applicationId;
    private HealthServer healthServer;

    private EnrichService(KafkaStreams streams, MeterRegistry meterRegistry, String applicationId) {
        this.streams = streams;
        this.meterRegistry = meterRegistry;
        this.applicationId = applicationId;
    }

    /** Starts with a fresh extractor and a private meter registry. */
    public static EnrichService start(EnrichConfig config) {
        return start(config, new ArticleExtractor(), new SimpleMeterRegistry());
    }

    /**
     * Builds the topology, logs its description and starts it; returns at once (the state is then REBALANCING
     * until partitions are assigned).
     */
    public static EnrichService start(EnrichConfig config, ArticleExtractor extractor, MeterRegistry meterRegistry) {
        Objects.requireNonNull(config, "config");
        Topology topology = EnrichTopology.build(config, config.topics(), new ArticleEnricher(extractor), meterRegistry,
                Clock.systemUTC());
        LOG.info("Starting enrich-service '{}' against {} with topology:\n{}", config.applicationId(),
                config.cluster().bootstrapServers(), topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(exception -> {
            // Bad records never get here (they are dead-lettered); what does is infrastructure trouble, e.g. a fenced
            // producer or a broker outage outlasting the timeouts. A new thread resumes from the last commit.
            LOG.error("enrich-service stream thread died; replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("enrich-service state {} -> {}", before, now));
        EnrichService service = new EnrichService(streams, meterRegistry, config.applicationId());
        streams.start();
        if (config.healthPort() != EnrichConfig.NO_HEALTH_SERVER) {
            try {
                service.healthServer = HealthServer.start(config.healthPort(), service::health);
                LOG.info("enrich-service health on http://localhost:{}/health", service.healthServer.port());
            } catch (IOException e) {
                service.close();
                throw new UncheckedIOException("Cannot serve health on port " + config.healthPort() + " ("
                        + EnrichConfig.ENV_HEALTH_PORT + ")", e);
            }
        }
        return service;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port of the health endpoint, or -1 when there is none. */
    public int healthPort() {
        return healthServer == null ? EnrichConfig.NO_HEALTH_SERVER : healthServer.port();
    }

    /** UP while processing or rebalancing (a normal, passing state); DOWN when stopping, stopped or failed. */
    HealthServer.Health health() {
        KafkaStreams.State state = streams.state();
        Map<String, Object> details = Map.of("service", EnrichTopology.SERVICE, "applicationId", applicationId,
                "state", state.name());
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? HealthServer.Health.up(details)
                : HealthServer.Health.down(details);
    }

    /** Where this service's meters (dead-letter counter) live. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Stops within {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /** @return true when every thread stopped within the timeout */
    public boolean close(Duration timeout) {
        if (healthServer != null) {
            healthServer.close();
        }
        boolean stopped = streams.close(timeout);
        if (!stopped) {
            LOG.warn("enrich-service did not stop within {}", timeout);
        }
        return stopped;
    }
}
