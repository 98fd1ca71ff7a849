package io.wirewatch.alert;

import java.util.concurrent.CountDownLatch;

/**
 * Runs alert-service from environment variables (see {@link AlertConfig}) until the JVM is asked to stop.
 */
public final class AlertMain {

    private AlertMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AlertConfig config = AlertConfig.fromEnvironment();
        AlertService service = AlertService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "alert-service-shutdown"));
        stopped.await();
    }
}
