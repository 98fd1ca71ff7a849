package io.wirewatch.alert;

import io.micrometer.core.instrument.Metrics;
import io.wirewatch.alert.http.HttpOptions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs alert-service from environment variables ({@link AlertConfig}, and the {@code ALERT_HTTP_*} variables of
 * {@link HttpOptions}) until the JVM is asked to stop.
 */
public final class AlertMain {

    private AlertMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        AlertConfig config = AlertConfig.fromEnvironment(env);
        HttpOptions http = HttpOptions.fromEnvironment(env).withPort(config.httpPort());
        AlertService service = AlertService.start(config, http, Metrics.globalRegistry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "alert-service-shutdown"));
        stopped.await();
    }
}
