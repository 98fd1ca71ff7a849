package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.platform.http.HttpListener;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the suite runs, so the compose file is checked by reading it: every variable a service
 * reads is set, ports and topic names agree with the code, the images are pinned and the Dockerfile builds modules
 * that exist.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> WIREWATCH_SERVICES = List.of("ingest-service", "enrich-service", "alert-service");
    /** Variables read only when a deployment needs them (registry basic auth); set in docker-compose.sasl-ssl.yml. */
    private static final Set<String> OPTIONAL_SECURITY_VARIABLES = Set.of(
            "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO",
            "INGEST_HTTP_TLS_KEYSTORE_PASSWORD", "ALERT_HTTP_TLS_KEYSTORE_PASSWORD");

    private static Map<String, Object> services;
    private static Map<String, Object> secureOverride;

    @BeforeAll
    static void readComposeFiles() throws IOException {
        services = map(load(ROOT.resolve("docker-compose.yml")).get("services"));
        secureOverride = map(load(ROOT.resolve("docker-compose.sasl-ssl.yml")).get("services"));
    }

    @Test
    void shouldSetEveryVariableEachServiceReads() {
        Map<String, Function<Map<String, String>, ?>> readers = Map.of(
                "ingest-service", IngestConfig::fromEnvironment,
                "enrich-service", EnrichConfig::fromEnvironment,
                "alert-service", env -> List.of(AlertConfig.fromEnvironment(env), HttpOptions.fromEnvironment(env)));
        SoftAssertions softly = new SoftAssertions();
        for (String service : WIREWATCH_SERVICES) {
            Map<String, String> env = environment(service);
            RecordingEnvironment recording = new RecordingEnvironment(env);

            Object config = readers.get(service).apply(recording);

            softly.assertThat(config).as(service).isNotNull();
            softly.assertThat(recording.asked())
                    .as("variables %s reads", service)
                    .isNotEmpty();
            Set<String> unset = recording.asked().stream()
                    .filter(name -> !env.containsKey(name) && !OPTIONAL_SECURITY_VARIABLES.contains(name))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            softly.assertThat(unset)
                    .as("variables %s reads that docker-compose.yml does not set", service)
                    .isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void shouldPointEveryServiceAtTheBrokerAndRegistryOfTheComposeFile() {
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        String registryListener = environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS");
        int registryPort = URI.create(registryListener).getPort();
        for (String service : WIREWATCH_SERVICES) {
            Map<String, String> env = environment(service);
            assertThat(advertised)
                    .as("kafka advertises what %s dials", service)
                    .contains("://" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
            URI registry = URI.create(env.get("SCHEMA_REGISTRY_URL"));
            assertThat(registry.getHost()).isEqualTo("schema-registry");
            assertThat(registry.getPort()).isEqualTo(registryPort);
            assertThat(dependsOn(service)).containsKeys("topic-init", "schema-registry");
        }
    }

    @Test
    void shouldPublishAndProbeTheHttpPortsTheServicesListenOn() {
        assertHttpPort(
                "alert-service",
                String.valueOf(AlertConfig.fromEnvironment(environment("alert-service"))
                        .httpPort()));
        assertHttpPort(
                "ingest-service",
                String.valueOf(IngestConfig.fromEnvironment(environment("ingest-service"))
                        .httpPort()));
        String enrichHealthPort = environment("enrich-service").get("ENRICH_HEALTH_PORT");
        assertThat(healthcheck("enrich-service")).contains("localhost:" + enrichHealthPort + "/health");
    }

    @Test
    void shouldCreateEveryTopicTheServicesUseWithEnoughPartitionsToScaleOut() {
        Map<String, String> init = environment("topic-init");
        Set<String> created = Set.of(init.get("WIREWATCH_TOPICS").trim().split("\\s+"));
        Topics topics = Topics.create(Map.of("schema.registry.url", "mock://compose-test"));
        assertThat(created)
                .containsExactlyInAnyOrderElementsOf(
                        topics.all().stream().map(t -> t.name()).collect(Collectors.toSet()));
        assertThat(Integer.parseInt(init.get("TOPIC_PARTITIONS"))).isGreaterThanOrEqualTo(6);
        assertThat(Topics.TOPIC_CONFIGS).hasSize(1);
        Map.Entry<String, String> config =
                Topics.TOPIC_CONFIGS.entrySet().iterator().next();
        assertThat(init.get("WIREWATCH_TOPIC_CONFIG")).isEqualTo(config.getKey() + "=" + config.getValue());
        assertThat(String.valueOf(map(services.get("topic-init")).get("command")))
                .contains("--config \"$$WIREWATCH_TOPIC_CONFIG\"");
        assertThat(environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void shouldLetEnrichServiceScaleOut() {
        Map<String, Object> enrich = map(services.get("enrich-service"));
        assertThat(enrich)
                .as("a fixed name or host port would stop --scale enrich-service=3")
                .doesNotContainKeys("container_name", "ports");
    }

    @Test
    void shouldPinEveryImageAndWaitOnHealthyDependencies() {
        for (var entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            String image = String.valueOf(service.get("image"));
            assertThat(image)
                    .as("image of %s", entry.getKey())
                    .matches("[^:]+:v?[0-9][^:]*")
                    .doesNotEndWith(":latest");
            if (!entry.getKey().equals("topic-init")) {
                assertThat(service).as("%s has a healthcheck", entry.getKey()).containsKey("healthcheck");
            }
            dependsOn(entry.getKey())
                    .forEach(
                            (dependency, condition) -> assertThat(map(condition).get("condition"))
                                    .as("%s waits for %s", entry.getKey(), dependency)
                                    .isIn("service_healthy", "service_completed_successfully"));
        }
    }

    @Test
    void shouldBuildEachServiceFromAModuleThatExists() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG MODULE");
        Matcher copiedPoms = Pattern.compile("COPY ([a-z-]+)/pom.xml").matcher(dockerfile);
        while (copiedPoms.find()) {
            assertThat(ROOT.resolve(copiedPoms.group(1)).resolve("pom.xml")).exists();
        }
        for (String service : WIREWATCH_SERVICES) {
            Map<String, Object> build = map(map(services.get(service)).get("build"));
            String module = String.valueOf(map(build.get("args")).get("MODULE"));
            assertThat(module).isEqualTo(service);
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(pom).contains("<artifactId>" + module + "</artifactId>").contains("<main.class>");
        }
    }

    @Test
    void shouldGiveEveryClientTheSecuritySettingsInTheSaslSslVariant() {
        for (String service : WIREWATCH_SERVICES) {
            Map<String, String> env = new HashMap<>(environment(service));
            env.putAll(stringMap(map(map(secureOverride.get(service)).get("environment"))));

            var cluster = io.wirewatch.platform.config.ClusterConfig.fromEnvironment(env);

            assertThat(cluster.kafkaProperties())
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config")
                    .containsKey("ssl.truststore.location");
            assertThat(cluster.serdeConfig())
                    .containsEntry("basic.auth.credentials.source", "USER_INFO")
                    .containsKey("basic.auth.user.info");
        }
    }

    @Test
    void shouldScrapeEveryServiceOnThePortItServesMetricsOn() throws IOException {
        // Given the Prometheus configuration the compose file mounts
        Map<String, Object> prometheus = map(services.get("prometheus"));
        String configPath = flag(prometheus, "--config.file");
        Path config = hostPathMountedAt(prometheus, configPath);
        Map<String, Map<String, Object>> jobs = scrapeJobs(config);

        // Then it scrapes each Wirewatch service, by its compose host name, on the port the service's configuration
        // gives it, at /metrics; enrich by DNS, so every replica of --scale enrich-service=N is scraped
        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(WIREWATCH_SERVICES);
        assertThat(jobs.values())
                .allSatisfy(job ->
                        assertThat(job.getOrDefault("metrics_path", "/metrics")).isEqualTo("/metrics"));
        int ingestPort =
                IngestConfig.fromEnvironment(environment("ingest-service")).httpPort();
        assertThat(staticTargets(jobs.get("ingest-service"))).containsExactly("ingest-service:" + ingestPort);
        int alertPort =
                AlertConfig.fromEnvironment(environment("alert-service")).httpPort();
        assertThat(staticTargets(jobs.get("alert-service"))).containsExactly("alert-service:" + alertPort);
        Map<String, Object> enrichDns =
                map(((List<?>) jobs.get("enrich-service").get("dns_sd_configs")).get(0));
        assertThat(String.valueOf(enrichDns.get("names"))).isEqualTo("[enrich-service]");
        assertThat(String.valueOf(enrichDns.get("port")))
                .isEqualTo(String.valueOf(EnrichConfig.fromEnvironment(environment("enrich-service"))
                        .healthPort()));
        // and Prometheus itself is pinned, healthy-checked and published on the port Grafana reads it from
        assertThat(map(prometheus).get("ports")).asList().contains("9090:9090");
        assertThat(healthcheck("prometheus")).contains("localhost:9090/-/healthy");
    }

    @Test
    void shouldProvisionGrafanaWithThePrometheusDataSourceAndTheDashboard() throws IOException {
        // Given Grafana's service and the provisioning it mounts
        Map<String, Object> grafana = map(services.get("grafana"));
        Path provisioning = hostPathMountedAt(grafana, "/etc/grafana/provisioning");
        Map<String, Object> datasource = map(((List<?>)
                        load(provisioning.resolve("datasources/prometheus.yml")).get("datasources"))
                .get(0));
        Map<String, Object> provider = map(((List<?>)
                        load(provisioning.resolve("dashboards/wirewatch.yml")).get("providers"))
                .get(0));
        String dashboardsInContainer =
                String.valueOf(map(provider.get("options")).get("path"));
        Path dashboards = hostPathMountedAt(grafana, dashboardsInContainer);

        // Then the data source is the compose file's Prometheus, and the dashboards directory holds the dashboard,
        // which is also the home page, and Grafana waits for a healthy Prometheus
        URI url = URI.create(String.valueOf(datasource.get("url")));
        assertThat(datasource.get("type")).isEqualTo("prometheus");
        assertThat(url.getHost()).isEqualTo("prometheus");
        assertThat(url.getPort()).isEqualTo(9090);
        assertThat(services).containsKey(url.getHost());
        assertThat(dashboards.resolve(GrafanaDashboard.FILE.getFileName())).isRegularFile();
        assertThat(environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo(dashboardsInContainer + "/" + GrafanaDashboard.FILE.getFileName());
        assertThat(dependsOn("grafana")).containsKey("prometheus");
        assertThat(map(grafana).get("ports")).asList().contains("3000:3000");
        // and every panel and query reads that data source
        GrafanaDashboard dashboard = GrafanaDashboard.load(GrafanaDashboard.FILE);
        String uid = String.valueOf(datasource.get("uid"));
        assertThat(dashboard.panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.datasourceUid()).as(panel.title()).isEqualTo(uid);
            assertThat(panel.queries())
                    .as(panel.title())
                    .isNotEmpty()
                    .allSatisfy(query -> assertThat(query.datasourceUid()).isEqualTo(uid));
        });
        assertThat(dashboard.panels()).extracting(GrafanaDashboard.Panel::title).doesNotHaveDuplicates();
    }

    @Test
    void shouldShowEveryHealthSignalTheIssueAsksForFromScrapedJobsOnly() throws IOException {
        // Given the dashboard's queries and the jobs Prometheus scrapes
        GrafanaDashboard dashboard = GrafanaDashboard.load(GrafanaDashboard.FILE);
        Map<String, Object> prometheus = map(services.get("prometheus"));
        Set<String> jobs = scrapeJobs(hostPathMountedAt(prometheus, flag(prometheus, "--config.file")))
                .keySet();

        // Then every query selects at least one series, every job it names is scraped, and the dashboard shows
        // articles in and out, consumer lag, dead letters by reason, ingest -> alert latency and state-store sizes
        assertThat(dashboard.queries()).allSatisfy(query -> {
            assertThat(query.selectors()).as(query.expr()).isNotEmpty();
            for (GrafanaDashboard.Selector selector : query.selectors()) {
                selector.matchers().stream()
                        .filter(m -> m.label().equals("job"))
                        .forEach(job -> assertThat(selector.jobs(jobs))
                                .as("jobs matching %s in %s", job, query.expr())
                                .isNotEmpty());
            }
        });
        Set<String> metrics = dashboard.queries().stream()
                .flatMap(query -> query.selectors().stream())
                .map(GrafanaDashboard.Selector::metric)
                .collect(Collectors.toSet());
        assertThat(metrics)
                .contains(
                        "wirewatch_ingest_articles_total",
                        "kafka_stream_topic_records_consumed_total",
                        "kafka_stream_topic_records_produced_total",
                        "kafka_consumer_fetch_manager_records_lag",
                        "wirewatch_dead_letters_total",
                        "wirewatch_alert_latency_seconds_bucket",
                        "kafka_stream_state_estimate_num_keys");
        assertThat(dashboard.queries())
                .anyMatch(query -> query.expr().contains("by (service, reason)")
                        && query.expr().contains("wirewatch_dead_letters_total"));
    }

    @Test
    void shouldRunThreeBrokersWithReplicationThreeAndMinInsyncTwoInTheClusterProfile() {
        // Given the cluster profile's brokers
        List<String> nodes = List.of("kafka-1", "kafka-2", "kafka-3");
        Set<String> clusterIds = new java.util.HashSet<>();
        Set<String> voters = new java.util.HashSet<>();
        Set<String> nodeIds = new java.util.HashSet<>();
        for (String node : nodes) {
            Map<String, Object> service = map(services.get(node));
            Map<String, String> env = environment(node);
            // Then each is a broker and a controller of the one three-voter quorum, in profile "cluster" only
            assertThat(service.get("profiles"))
                    .as("profiles of %s", node)
                    .asList()
                    .containsExactly("cluster");
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            clusterIds.add(env.get("CLUSTER_ID"));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .contains(env.get("KAFKA_NODE_ID") + "@" + service.get("hostname") + ":9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                    .contains("PLAINTEXT://" + service.get("hostname") + ":9092");
            // and with the production settings: replication 3 everywhere, min.insync.replicas 2, no unclean election
            assertThat(env)
                    .as("settings of %s", node)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            // and reachable as "kafka", the name every client and the topic-init container dial
            Map<String, Object> network = map(map(service.get("networks")).get("default"));
            assertThat(network.get("aliases")).asList().contains("kafka");
            assertThat(healthcheck(node)).contains("kafka-broker-api-versions.sh");
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(voters).hasSize(1);
        assertThat(voters.iterator().next().split(",")).hasSize(3);
        assertThat(clusterIds).hasSize(1);
        // and the single broker is the default profile's, chosen by .env, which --profile cluster replaces
        assertThat(map(services.get("kafka")).get("profiles")).asList().containsExactly("single");
        assertThat(dotEnv()).containsEntry("COMPOSE_PROFILES", "single");
    }

    @Test
    void shouldStartOnWhicheverBrokersTheProfileRunsAndReplicateAsTheyDo() {
        // Given the services that need Kafka before they start
        for (String service : List.of("schema-registry", "topic-init")) {
            Map<String, Object> dependencies = dependsOn(service);
            // Then they wait for each broker of either profile, none of which is required (only one profile runs)
            assertThat(dependencies).as(service).containsKeys("kafka", "kafka-1", "kafka-2", "kafka-3");
            dependencies
                    .values()
                    .forEach(condition -> assertThat(map(condition))
                            .containsEntry("required", false)
                            .containsEntry("condition", "service_healthy"));
        }
        // And topics, Streams' own included, take the brokers' replication: 1 on one broker, 3 on the cluster
        assertThat(String.valueOf(map(services.get("topic-init")).get("command")))
                .doesNotContain("--replication-factor");
        assertThat(EnrichConfig.fromEnvironment(environment("enrich-service")).replicationFactor())
                .isEqualTo(EnrichConfig.BROKER_DEFAULT_REPLICATION);
        assertThat(AlertConfig.fromEnvironment(environment("alert-service")).replicationFactor())
                .isEqualTo(AlertConfig.BROKER_DEFAULT_REPLICATION);
        assertThat(environment("kafka").getOrDefault("KAFKA_DEFAULT_REPLICATION_FACTOR", "1"))
                .isEqualTo("1");
    }

    /** The variables of the repository's .env, which docker compose reads before the compose file. */
    private static Map<String, String> dotEnv() {
        try {
            return Files.readAllLines(ROOT.resolve(".env")).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        } catch (IOException e) {
            throw new AssertionError("no .env beside docker-compose.yml", e);
        }
    }

    @Test
    void shouldReadSeriesSelectorsOutOfPromQl() {
        // Given a query with functions, a grouping, a range, a number and label matchers of every kind
        String expr =
                "histogram_quantile(0.99, sum by (le, job) (rate(latency_bucket{job=~\"a|b\", topic!~\".*_.*\"}[5m])))"
                        + " / on (job) group_left sum(up_total{x=\"1\",y!=\"2\"}) and other";

        // When its selectors are read
        List<GrafanaDashboard.Selector> selectors = GrafanaDashboard.selectors(expr);

        // Then only the metric names come out, each with its matchers
        assertThat(selectors)
                .extracting(GrafanaDashboard.Selector::metric)
                .containsExactly("latency_bucket", "up_total", "other");
        GrafanaDashboard.Selector latency = selectors.get(0);
        assertThat(latency.jobs(Set.of("a", "b", "c"))).containsExactlyInAnyOrder("a", "b");
        assertThat(latency.selects(Map.of("topic", "articles.raw"))).isTrue();
        assertThat(latency.selects(Map.of("topic", "articles_raw"))).isFalse();
        assertThat(selectors.get(1).selects(Map.of("x", "1", "y", "3"))).isTrue();
        assertThat(selectors.get(1).selects(Map.of("x", "1", "y", "2"))).isFalse();
    }

    /** The value of a {@code --flag=value} in a service's command. */
    private static String flag(Map<String, Object> service, String flag) {
        return ((List<?>) service.get("command"))
                .stream()
                        .map(String::valueOf)
                        .filter(argument -> argument.startsWith(flag + "="))
                        .map(argument -> argument.substring(flag.length() + 1))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + flag + " in " + service.get("command")));
    }

    /** The file or directory of this repository that a service mounts at {@code containerPath}; it must exist. */
    private static Path hostPathMountedAt(Map<String, Object> service, String containerPath) {
        for (Object volume : (List<?>) service.get("volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[1].equals(containerPath)) {
                assertThat(parts[0]).as("mounted from the repository").startsWith("./");
                Path host = ROOT.resolve(parts[0]).normalize();
                assertThat(host).as("%s mounted at %s", parts[0], containerPath).exists();
                return host;
            }
        }
        throw new AssertionError("nothing mounted at " + containerPath + " in " + service.get("volumes"));
    }

    private static Map<String, Map<String, Object>> scrapeJobs(Path prometheusConfig) throws IOException {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object job : (List<?>) load(prometheusConfig).get("scrape_configs")) {
            Map<String, Object> config = map(job);
            jobs.put(String.valueOf(config.get("job_name")), config);
        }
        return jobs;
    }

    private static List<String> staticTargets(Map<String, Object> job) {
        return ((List<?>) job.get("static_configs"))
                .stream()
                        .flatMap(config -> ((List<?>) map(config).get("targets")).stream())
                        .map(String::valueOf)
                        .toList();
    }

    @Test
    void shouldPublishEndpointsWithoutACredentialOnTheHostsLoopbackOnly() {
        Map<String, HttpListener> listeners = Map.of(
                "ingest-service",
                        IngestConfig.fromEnvironment(environment("ingest-service"))
                                .httpListener(),
                "alert-service",
                        HttpOptions.fromEnvironment(environment("alert-service"))
                                .listener());
        listeners.forEach((service, listener) -> {
            if (!listener.guarded()) {
                assertThat(map(services.get(service)).get("ports"))
                        .asList()
                        .as(service)
                        .allSatisfy(
                                mapping -> assertThat(String.valueOf(mapping)).startsWith("127.0.0.1:"));
            }
        });
    }

    private static void assertHttpPort(String service, String port) {
        // An endpoint without a credential is published on the host's loopback only (README "Security").
        assertThat(map(services.get(service)).get("ports"))
                .asList()
                .anySatisfy(mapping ->
                        assertThat(String.valueOf(mapping)).isIn(port + ":" + port, "127.0.0.1:" + port + ":" + port));
        assertThat(healthcheck(service)).contains("localhost:" + port + "/health");
    }

    private static String healthcheck(String service) {
        return String.valueOf(map(map(services.get(service)).get("healthcheck")).get("test"));
    }

    private static Map<String, Object> dependsOn(String service) {
        Object dependsOn = map(services.get(service)).get("depends_on");
        return dependsOn == null ? Map.of() : map(dependsOn);
    }

    private static Map<String, String> environment(String service) {
        return stringMap(map(map(services.get(service)).get("environment")));
    }

    private static Map<String, String> stringMap(Map<String, Object> raw) {
        Map<String, String> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
