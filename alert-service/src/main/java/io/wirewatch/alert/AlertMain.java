package io.wirewatch.alert;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.lifecycle.ServiceRunner;
import io.wirewatch.serde.RegistryWait;
import java.util.Map;

/**
 * Runs alert-service from environment variables ({@link AlertConfig}, and the {@code ALERT_HTTP_*} variables of
 * {@link io.wirewatch.alert.http.HttpOptions}) until the JVM is asked to stop. Exits with status 2 when the
 * configuration is invalid; waits, saying so, while the schema registry does not answer.
 */
public final class AlertMain {

    private AlertMain() {}

    public static void main(String[] args) {
        ServiceRunner.exitOnFailure(ServiceRunner.runUntilStopped("alert-service", () -> {
            Map<String, String> env = Env.load();
            RegistryWait.untilReachable(ClusterConfig.fromEnvironment(env).schemaRegistryUrl());
            return AlertService.startFromEnvironment(env);
        }));
    }
}
