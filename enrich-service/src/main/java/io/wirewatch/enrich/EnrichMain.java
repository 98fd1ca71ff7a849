package io.wirewatch.enrich;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs enrich-service from environment variables (see {@link EnrichConfig}) until the JVM is asked to stop.
 * Exits with status 2 when the configuration is invalid.
 */
public final class EnrichMain {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichMain.class);

    private EnrichMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnrichConfig config;
        try {
            config = EnrichConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            LOG.error("enrich-service cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EnrichService service = EnrichService.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "enrich-shutdown"));
        stopped.await();
    }
}
