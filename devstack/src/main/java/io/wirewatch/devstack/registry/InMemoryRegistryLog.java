package io.wirewatch.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A registry log in a list: survives a registry restart within the JVM when the same instance is reused, nothing
 * more. For unit tests of the registry's REST behaviour without a broker.
 */
public final class InMemoryRegistryLog implements RegistryLog {

    private final List<RegistryEvent> events = new ArrayList<>();

    @Override
    public synchronized void replay(Consumer<RegistryEvent> sink) {
        List.copyOf(events).forEach(sink);
    }

    @Override
    public synchronized void append(RegistryEvent event) {
        events.add(event);
    }

    /** What has been written, oldest first. */
    public synchronized List<RegistryEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        // Nothing to release: the events stay for a registry started again on this log.
    }
}
