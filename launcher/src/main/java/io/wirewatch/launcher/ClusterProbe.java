package io.wirewatch.launcher;

import io.wirewatch.platform.config.ClusterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster a command is about to use whether it is there: a broker that answers a metadata request and a
 * schema registry that answers HTTP, each within a timeout. Without this, a Kafka client waits a minute and then fails
 * with a stack trace; with it, the operator reads one line naming the address and the flag that changes it.
 */
final class ClusterProbe {

    /** How long to wait for a broker or the registry to answer when the command names no other timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger DETAIL = LoggerFactory.getLogger(Wirewatch.DETAIL_LOGGER);

    /**
     * Where the addresses came from, for the message: the flags of {@link ClusterOptions}, or the environment
     * variables of a service command.
     */
    record Hints(String bootstrap, String registry) {
        static final Hints FLAGS = new Hints("--bootstrap-server HOST:PORT", "--schema-registry URL");
        static final Hints ENVIRONMENT = new Hints(ClusterConfig.ENV_BOOTSTRAP, ClusterConfig.ENV_REGISTRY);
    }

    private ClusterProbe() {}

    /** Returns once both answered; otherwise throws a {@link CliError} naming the one that did not. */
    static void require(ClusterConfig cluster, Duration timeout, Hints hints) {
        requireBroker(cluster, timeout, hints);
        requireRegistry(cluster.schemaRegistryUrl(), timeout, hints);
    }

    static void requireBroker(ClusterConfig cluster, Duration timeout, Hints hints) {
        Map<String, Object> props = new HashMap<>(cluster.kafkaProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wirewatch-cluster-probe");
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            // Bootstrap servers it cannot resolve or parse; the cause says which.
            String why = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage()
                    : e.getMessage();
            DETAIL.warn("Cannot connect to Kafka at {}", cluster.bootstrapServers(), e);
            throw CliError.failed(
                    "cannot reach Kafka at " + cluster.bootstrapServers() + ": " + why + " (" + hints.bootstrap()
                            + " says where the cluster is)",
                    e);
        }
        Throwable cause;
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (ExecutionException e) {
            cause = e.getCause();
        } catch (TimeoutException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliError.failed("interrupted while connecting to Kafka at " + cluster.bootstrapServers(), e);
        } finally {
            // Do not linger on a broker that is not there.
            admin.close(Duration.ZERO);
        }
        DETAIL.warn("Kafka at {} did not answer", cluster.bootstrapServers(), cause);
        throw CliError.failed(
                "cannot reach Kafka at " + cluster.bootstrapServers() + ": no broker answered within "
                        + seconds(timeout) + " (is the cluster up? " + hints.bootstrap() + " points elsewhere)",
                cause);
    }

    static void requireRegistry(String url, Duration timeout, Hints hints) {
        if (url.startsWith("mock://")) {
            return;
        }
        URI subjects;
        try {
            subjects = URI.create(url.endsWith("/") ? url + "subjects" : url + "/subjects");
            if (subjects.getHost() == null) {
                throw new IllegalArgumentException("no host in " + url);
            }
        } catch (IllegalArgumentException e) {
            throw CliError.usage(
                    "the schema registry URL '" + url + "' is not an http(s) URL (" + hints.registry() + ")");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        String failure;
        try {
            // Any answer, 401 included, means a registry is listening; only no answer at all is a failure here.
            http.send(
                    HttpRequest.newBuilder(subjects).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return;
        } catch (HttpTimeoutException e) {
            failure = "no answer within " + seconds(timeout);
            DETAIL.warn("Schema registry at {} did not answer", url, e);
        } catch (ConnectException e) {
            failure = "connection refused";
            DETAIL.warn("Schema registry at {} did not answer", url, e);
        } catch (IOException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            DETAIL.warn("Schema registry at {} did not answer", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliError.failed("interrupted while connecting to the schema registry at " + url, e);
        }
        throw CliError.failed(
                "cannot reach the schema registry at " + url + ": " + failure + " (is it up? " + hints.registry()
                        + " points elsewhere)",
                null);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
