package io.wirewatch.platform.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings that set how long a record waits inside an exactly-once stage, shared by enrich-service
 * and alert-service. Downstream readers (read_committed) see a record only once the transaction that wrote it
 * commits, so each stage adds up to one commit interval, and a thread that found nothing to do sleeps in poll for
 * {@code poll.ms} before it gets round to committing what it has already processed. The defaults (100 ms each) made
 * ingest->alert p99 about 500 ms at 50 articles/s through three stages (bench e2e); these made it about 350 ms with
 * no measurable loss of throughput (see README, Performance).
 */
public final class StreamsLatency {

    /** Default exactly-once commit interval of both Streams services. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(50);
    /** How long an idle stream thread blocks in poll; short so a finished batch is committed promptly. */
    public static final long POLL_MS = 10;

    private StreamsLatency() {}

    /** Sets the commit interval and, unless the operator set one (KAFKA_POLL_MS), the poll time. */
    public static void apply(Map<Object, Object> streamsProperties, Duration commitInterval) {
        streamsProperties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        streamsProperties.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
    }
}
