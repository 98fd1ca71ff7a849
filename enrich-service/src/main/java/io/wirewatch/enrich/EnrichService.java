package io.wirewatch.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.platform.health.HealthServer;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.streams.StreamsShutdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running enrich-service: the {@link EnrichTopology} in a started {@link KafkaStreams}, and, when configured, a
 * {@code GET /health} endpoint that answers 200 while the streams are RUNNING or REBALANCING and 503 otherwise, beside
 * {@code GET /metrics}: the service's meters (counter {@code wirewatch_dead_letters_total} by topic and reason, and
 * the Kafka Streams client metrics) in the Prometheus text format. Closing it stops the stream threads, committing
 * what they have processed, and leaves the consumer group.
 */
public final class EnrichService implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;
    private final MeterRegistry meterRegistry;
    private final String applicationId;
    private final KafkaStreamsMetrics streamsMetrics;
    private HealthServer healthServer;

    private EnrichService(
            KafkaStreams streams,
            MeterRegistry meterRegistry,
            String applicationId,
            KafkaStreamsMetrics streamsMetrics) {
        this.streams = streams;
        this.meterRegistry = meterRegistry;
        this.applicationId = applicationId;
        this.streamsMetrics = streamsMetrics;
    }

    /** Starts with a fresh extractor and a private Prometheus meter registry (served on {@code /metrics}). */
    public static EnrichService start(EnrichConfig config) {
        return start(config, new ArticleExtractor(), PrometheusMetrics.newRegistry());
    }

    /**
     * Builds the topology, logs its description and starts it; returns at once (the state is then REBALANCING
     * until partitions are assigned).
     *
     * @param meterRegistry where the dead-letter counter and the Kafka Streams client metrics go; {@code /metrics}
     *                      renders it when it is (or, as a composite, holds) a Prometheus registry, and is absent
     *                      otherwise
     */
    public static EnrichService start(EnrichConfig config, ArticleExtractor extractor, MeterRegistry meterRegistry) {
        return start(config, new ArticleEnricher(extractor), meterRegistry);
    }

    /** As above with any enricher. */
    public static EnrichService start(EnrichConfig config, ArticleEnricher enricher, MeterRegistry meterRegistry) {
        Objects.requireNonNull(config, "config");
        return start(
                config,
                meterRegistry,
                EnrichTopology.build(config, config.topics(), enricher, meterRegistry, Clock.systemUTC()));
    }

    /**
     * Starts with a topology built elsewhere from the same config: {@link EnrichTopology#buildPassThrough} for bench
     * e2e's measure of the topology's shape.
     */
    public static EnrichService start(EnrichConfig config, MeterRegistry meterRegistry, Topology topology) {
        Objects.requireNonNull(config, "config");
        LOG.info(
                "Starting enrich-service '{}' against {} with topology:\n{}",
                config.applicationId(),
                config.cluster().bootstrapServers(),
                topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(exception -> {
            // Bad records never get here (they are dead-lettered); what does is infrastructure trouble, e.g. a fenced
            // producer or a broker outage outlasting the timeouts. A new thread resumes from the last commit.
            LOG.error("enrich-service stream thread died; replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("enrich-service state {} -> {}", before, now));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meterRegistry);
        EnrichService service = new EnrichService(streams, meterRegistry, config.applicationId(), streamsMetrics);
        streams.start();
        if (config.healthPort() != EnrichConfig.NO_HEALTH_SERVER) {
            Supplier<String> metrics = PrometheusMetrics.scrapeable(meterRegistry)
                    .<Supplier<String>>map(prometheus -> prometheus::scrape)
                    .orElse(null);
            try {
                service.healthServer = HealthServer.start(config.healthPort(), service::health, metrics);
                LOG.info(
                        "enrich-service health on http://localhost:{}/health{}",
                        service.healthServer.port(),
                        metrics == null ? "" : ", metrics on /metrics");
            } catch (IOException e) {
                service.close();
                throw new UncheckedIOException(
                        "Cannot serve health on port " + config.healthPort() + " (" + EnrichConfig.ENV_HEALTH_PORT
                                + ")",
                        e);
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
        Map<String, Object> details =
                Map.of("service", EnrichTopology.SERVICE, "applicationId", applicationId, "state", state.name());
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
        // A planned stop leaves the consumer group, so a restart is given its tasks without waiting out the old
        // member's
        // session (StreamsShutdown).
        boolean stopped = StreamsShutdown.close(streams, timeout);
        streamsMetrics.close();
        if (!stopped) {
            LOG.warn("enrich-service did not stop within {}", timeout);
        }
        return stopped;
    }
}
