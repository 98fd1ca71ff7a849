package io.wirewatch.launcher.reliability;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a test started, stopped in reverse order when it ends; declared after the stack in a try-with-resources, so
 * the services stop while the broker still runs. A failure to stop one is logged and the others still stop.
 */
final class RunningServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServices.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T service) {
        running.push(service);
        return service;
    }

    /** Stops {@code service} now (a clean stop, e.g. to make its partitions move) and forgets it. */
    void stop(AutoCloseable service) throws Exception {
        running.remove(service);
        service.close();
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}: {}", next, e.toString());
            }
        }
    }
}
