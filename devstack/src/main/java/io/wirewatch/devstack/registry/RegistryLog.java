package io.wirewatch.devstack.registry;

import java.util.function.Consumer;

/**
 * Where the registry keeps its changes so they outlive the process: in memory for fast tests, or a compacted Kafka
 * topic ({@link KafkaRegistryLog}) as Confluent's registry does.
 */
public interface RegistryLog extends AutoCloseable {

    /** Hands every event written so far to {@code sink}, oldest first. */
    void replay(Consumer<RegistryEvent> sink);

    /** Writes one event and returns only once it is durable; throws if it could not be written. */
    void append(RegistryEvent event);

    @Override
    void close();
}
