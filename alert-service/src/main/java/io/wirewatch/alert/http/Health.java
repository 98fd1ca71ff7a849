package io.wirewatch.alert.http;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code GET /health} reports: {@code UP} (HTTP 200) or {@code DOWN} (HTTP 503), with short string details such
 * as the Kafka Streams state. The server asks a {@code Supplier<Health>} on every request.
 */
public record Health(Status status, Map<String, String> details) {

    /** Whether the service can do its job. */
    public enum Status {
        UP,
        DOWN
    }

    public Health {
        Objects.requireNonNull(status, "status");
        details = Map.copyOf(details);
    }

    public static Health up() {
        return new Health(Status.UP, Map.of());
    }

    public static Health down(String reason) {
        return new Health(Status.DOWN, Map.of("reason", reason));
    }

    /**
     * Health from a Kafka Streams state: UP while {@code RUNNING} or {@code REBALANCING} (a rebalance is routine;
     * queries answer 503 meanwhile but the service is alive), DOWN otherwise (created, shutting down, failed).
     */
    public static Health of(KafkaStreams.State state) {
        Status status = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Status.UP
                : Status.DOWN;
        return new Health(status, Map.of("kafkaStreams", state.name()));
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
