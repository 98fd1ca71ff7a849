package io.wirewatch.enrich;

import io.wirewatch.platform.lifecycle.ServiceRunner;
import io.wirewatch.serde.RegistryWait;

/**
 * Runs enrich-service from environment variables (see {@link EnrichConfig}) until the JVM is asked to stop.
 * Exits with status 2 when the configuration is invalid; waits, saying so, while the schema registry does not answer.
 */
public final class EnrichMain {

    private EnrichMain() {}

    public static void main(String[] args) {
        ServiceRunner.exitOnFailure(ServiceRunner.runUntilStopped("enrich-service", () -> {
            EnrichConfig config = EnrichConfig.fromEnvironment();
            RegistryWait.untilReachable(config.cluster().schemaRegistryUrl());
            return EnrichService.start(config);
        }));
    }
}
