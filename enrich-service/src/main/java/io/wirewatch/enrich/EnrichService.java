package io.wirewatch.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.enrich.extract.ArticleExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running enrich-service: the {@link EnrichTopology} in a started {@link KafkaStreams}. Closing it stops the stream
 * threads, committing what they have processed.
 */
public final class EnrichService implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and stop. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

    private final KafkaStreams streams;
    private final MeterRegistry meterRegistry;

    private EnrichService(KafkaStreams streams, MeterRegistry meterRegistry) {
        this.streams = streams;
        this.meterRegistry = meterRegistry;
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
        streams.start();
        return new EnrichService(streams, meterRegistry);
    }

    public KafkaStreams.State state() {
        return streams.state();
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
        boolean stopped = streams.close(timeout);
        if (!stopped) {
            LOG.warn("enrich-service did not stop within {}", timeout);
        }
        return stopped;
    }
}
