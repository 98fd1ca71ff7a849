package io.wirewatch.enrich;

import io.wirewatch.platform.lifecycle.ServiceRunner;

/**
 * Runs enrich-service from environment variables (see {@link EnrichConfig}) until the JVM is asked to stop.
 * Exits with status 2 when the configuration is invalid.
 */
public final class EnrichMain {

    private EnrichMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.exitOnFailure(
                ServiceRunner.runUntilStopped("enrich-service", () -> EnrichService.start(EnrichConfig.fromEnvironment())));
    }
}
