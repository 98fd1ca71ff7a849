package io.wirewatch.launcher;

import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.config.Env;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a running cluster is: flags over environment variables over localhost defaults. */
final class ClusterOptions {

    @Option(
            names = {"--bootstrap-server", "-b"},
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092).")
    String bootstrapServers;

    @Option(
            names = {"--schema-registry", "-r"},
            paramLabel = "URL",
            description = "Schema registry URL (default: $SCHEMA_REGISTRY_URL or http://localhost:8081).")
    String schemaRegistryUrl;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "PT10S",
            description = "Give up when the broker or the registry has not answered within this long at start "
                    + "(ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration connectTimeout = ClusterProbe.DEFAULT_TIMEOUT;

    /** The environment's cluster config (security settings included) with the flags applied over it. */
    ClusterConfig resolve() {
        Map<String, String> env = new HashMap<>(Env.load());
        if (bootstrapServers != null) {
            env.put(ClusterConfig.ENV_BOOTSTRAP, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            env.put(ClusterConfig.ENV_REGISTRY, schemaRegistryUrl);
        }
        return ClusterConfig.fromEnvironment(env);
    }

    /** The resolved cluster, once its broker and registry have answered; one-line {@link CliError} otherwise. */
    ClusterConfig reachable() {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw CliError.usage("--connect-timeout must be positive, was " + connectTimeout);
        }
        ClusterConfig cluster = resolve();
        ClusterProbe.require(cluster, connectTimeout, ClusterProbe.Hints.FLAGS);
        return cluster;
    }
}
