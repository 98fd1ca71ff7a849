package io.wirewatch.launcher;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertService;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code wirewatch enrich} and {@code wirewatch alert}: one service against an external cluster, configured by
 * environment variables as in the container images, with the cluster flags over them.
 */
final class ServiceCommands {

    private ServiceCommands() {
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Run enrich-service (articles.raw -> articles.enriched) against a cluster; configured by ENRICH_* variables.")
    static final class Enrich implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() throws InterruptedException {
            return runUntilStopped(environment(cluster), env -> EnrichService.start(EnrichConfig.fromEnvironment(env)));
        }
    }

    @Command(name = "alert", mixinStandardHelpOptions = true,
            description = "Run alert-service (articles.enriched -> alerts, HTTP on ALERT_HTTP_PORT) against a cluster; configured by ALERT_* variables.")
    static final class Alert implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() throws InterruptedException {
            return runUntilStopped(environment(cluster), env -> AlertService.start(AlertConfig.fromEnvironment(env)));
        }
    }

    static Map<String, String> environment(ClusterOptions cluster) {
        Map<String, String> env = new HashMap<>(System.getenv());
        var resolved = cluster.resolve();
        env.put("KAFKA_BOOTSTRAP_SERVERS", resolved.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", resolved.schemaRegistryUrl());
        return env;
    }

    static int runUntilStopped(Map<String, String> env, Function<Map<String, String>, AutoCloseable> starter)
            throws InterruptedException {
        AutoCloseable service = starter.apply(env);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "service-shutdown"));
        stopped.await();
        return 0;
    }
}
