package io.wirewatch.launcher;

import io.wirewatch.alert.AlertService;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.lifecycle.ServiceRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code wirewatch enrich} and {@code wirewatch alert}: one service against an external cluster, configured by
 * environment variables as in the container images, with the cluster flags over them.
 */
final class ServiceCommands {

    private ServiceCommands() {}

    @Command(
            name = "enrich",
            mixinStandardHelpOptions = true,
            description =
                    "Run enrich-service (articles.raw -> articles.enriched and the rules' shares) against a cluster; configured by ENRICH_* variables.")
    static final class Enrich implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            Map<String, String> env = environment(cluster);
            return ServiceRunner.runUntilStopped(
                    "enrich-service", () -> EnrichService.start(EnrichConfig.fromEnvironment(env)));
        }
    }

    @Command(
            name = "alert",
            mixinStandardHelpOptions = true,
            description =
                    "Run alert-service (the shares by event and place -> alerts, HTTP on ALERT_HTTP_PORT) against a cluster; configured by ALERT_* variables.")
    static final class Alert implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            Map<String, String> env = environment(cluster);
            return ServiceRunner.runUntilStopped("alert-service", () -> AlertService.startFromEnvironment(env));
        }
    }

    /** The process environment with the cluster flags over it, once that cluster has answered. */
    static Map<String, String> environment(ClusterOptions cluster) {
        Map<String, String> env = new HashMap<>(Env.load());
        var resolved = cluster.reachable();
        env.put("KAFKA_BOOTSTRAP_SERVERS", resolved.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", resolved.schemaRegistryUrl());
        return env;
    }
}
