package io.wirewatch.platform.lifecycle;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of every service's {@code main}: start the service, close it when the JVM is asked to stop (SIGTERM,
 * Ctrl-C), and turn a configuration error into one line naming the bad setting and exit status 2 instead of a
 * stack trace.
 */
public final class ServiceRunner {

    /** Exit status for a configuration the service refused. */
    public static final int BAD_CONFIGURATION = 2;
    /** Exit status for a service that failed to start for another reason. */
    public static final int FAILED_TO_START = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * Starts the service and blocks until the JVM shuts down and the service has closed.
     *
     * @return 0 after a clean stop, {@link #BAD_CONFIGURATION} or {@link #FAILED_TO_START} when it never started
     */
    public static int runUntilStopped(String name, Callable<? extends AutoCloseable> start) {
        AutoCloseable service;
        try {
            service = start.call();
        } catch (IllegalArgumentException e) {
            LOG.error("{} cannot start: {}", name, e.getMessage());
            return BAD_CONFIGURATION;
        } catch (Exception e) {
            LOG.error("{} failed to start", name, e);
            return FAILED_TO_START;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping {}", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", name, e.toString());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** For {@code main}: exits with a non-zero status only when the service never ran (a clean stop just ends). */
    public static void exitOnFailure(int status) {
        if (status != 0) {
            System.exit(status);
        }
    }
}
