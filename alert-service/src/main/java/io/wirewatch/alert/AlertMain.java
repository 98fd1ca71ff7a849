package io.wirewatch.alert;

import io.wirewatch.platform.lifecycle.ServiceRunner;

/**
 * Runs alert-service from environment variables ({@link AlertConfig}, and the {@code ALERT_HTTP_*} variables of
 * {@link io.wirewatch.alert.http.HttpOptions}) until the JVM is asked to stop. Exits with status 2 when the
 * configuration is invalid.
 */
public final class AlertMain {

    private AlertMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.exitOnFailure(
                ServiceRunner.runUntilStopped("alert-service", () -> AlertService.startFromEnvironment(System.getenv())));
    }
}
