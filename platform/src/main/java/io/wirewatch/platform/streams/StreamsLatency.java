package io.wirewatch.platform.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings that set how long a record waits inside an exactly-once stage, shared by enrich-service
 * and alert-service. Downstream readers (read_committed) see a record only once the transaction that wrote it
 * commits, so each stage adds up to one commit interval, and a thread that found nothing to do sleeps in poll for
 * {@code poll.ms} before it gets round to committing what it has already processed. The defaults (100 ms each) made
 * ingest->alert p99 about 500 ms at 50 articles/s through three stages (bench e2e); 50 ms made it about 300 ms.
 *
 * <p>An article waits in two transactions: enrich's (which writes the enriched article and its shares, keyed by event
 * and place), then alert's rule stage, so about U(0, E) + U(0, A) for commit intervals E (enrich) and A (alert). Until
 * issue 15e alert re-keyed the articles itself through repartition topics and waited twice, the second time nearly a
 * whole interval (one thread commits both stages on one timer, and the shares it has just committed reached the rule
 * stage right after that timer restarted): U(0, E) + U(0, A) + A.
 */
public final class StreamsLatency {

    /**
     * Default exactly-once commit interval of both Streams services: 20 ms, not 50, aiming at steady ingest->alert p99
     * under 250 ms at 50 articles/s. In four {@code bench e2e --variant} runs (the defaults and each variant in
     * rotating rounds of one run, on a shared machine) 20 ms on both cut the steady p50 at 50/s by 36-47% and p95 by
     * 12-55% against 50 ms; 20 ms on alert alone, on enrich alone, and 10/30 or 20/30 ms (enrich/alert) cut less, 10/20
     * as much, and 10/10 more in its one run. The price is a transaction every 20 ms instead of every 50 on each busy
     * stream thread, whatever the rate: 5-40% more CPU per article flat out (median 12%) and 0.75-1.03 of 50 ms's
     * flat-out articles/s (README, Performance). Both services' *_COMMIT_INTERVAL_MS set it back where CPU matters
     * more.
     */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(20);
    /** How long an idle stream thread blocks in poll; short so a finished batch is committed promptly. */
    public static final long POLL_MS = 10;

    private StreamsLatency() {}

    /** Sets the commit interval and, unless the operator set one (KAFKA_POLL_MS), the poll time. */
    public static void apply(Map<Object, Object> streamsProperties, Duration commitInterval) {
        streamsProperties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        streamsProperties.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
    }
}
