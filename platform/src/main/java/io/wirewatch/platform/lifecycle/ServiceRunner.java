package io.wirewatch.platform.lifecycle;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of every service's {@code main}: start the service, close it when the JVM is asked to stop (SIGTERM,
 * Ctrl-C), and turn a configuration error into one line naming the bad setting and exit status 2 instead of a
 * stack trace. The one shutdown hook of the three services; {@link #serve} is the part ingest uses, which does work
 * of its own (files to publish) once started and may then exit instead of serving.
 */
public final class ServiceRunner {

    /** Exit status for a configuration the service refused. */
    public static final int BAD_CONFIGURATION = 2;
    /** Exit status for a service that failed to start for another reason. */
    public static final int FAILED_TO_START = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {}

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
        try {
            serve(name, service, ignored -> {}, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Runs {@code work} on a started service with the shutdown hook already in place, so that a stop asked for
     * during the work still closes the service; then closes it and returns ({@code untilStopped} false), or blocks
     * until the JVM shuts down and the hook has closed it. An exception from the work propagates, the hook staying
     * in place to close the service when the JVM exits.
     */
    public static <S extends AutoCloseable> void serve(
            String name, S service, Work<? super S> work, boolean untilStopped) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    LOG.info("Stopping {}", name);
                    close(name, service);
                    stopped.countDown();
                },
                name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        work.run(service);
        if (untilStopped) {
            stopped.await();
        } else if (removeHook(hook)) {
            close(name, service);
        }
    }

    /** What a service does once started, before it serves until stopped or is closed. */
    @FunctionalInterface
    public interface Work<S> {
        void run(S service) throws InterruptedException;
    }

    private static boolean removeHook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return false; // the JVM is already shutting down: the hook closes the service
        }
    }

    private static void close(String name, AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", name, e.toString());
        }
    }

    /** For {@code main}: exits with a non-zero status only when the service never ran (a clean stop just ends). */
    public static void exitOnFailure(int status) {
        if (status != 0) {
            System.exit(status);
        }
    }
}
