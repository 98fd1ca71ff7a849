package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.http.HttpOptions;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.ingest.IngestConfig;
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
            "SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE", "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");

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
            softly.assertThat(recording.asked()).as("variables %s reads", service).isNotEmpty();
            Set<String> unset = recording.asked().stream()
                    .filter(name -> !env.containsKey(name) && !OPTIONAL_SECURITY_VARIABLES.contains(name))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            softly.assertThat(unset).as("variables %s reads that docker-compose.yml does not set", service).isEmpty();
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
            assertThat(advertised).as("kafka advertises what %s dials", service)
                    .contains("://" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
            URI registry = URI.create(env.get("SCHEMA_REGISTRY_URL"));
            assertThat(registry.getHost()).isEqualTo("schema-registry");
            assertThat(registry.getPort()).isEqualTo(registryPort);
            assertThat(dependsOn(service)).containsKeys("topic-init", "schema-registry");
        }
    }

    @Test
    void shouldPublishAndProbeTheHttpPortsTheServicesListenOn() {
        assertHttpPort("alert-service", String.valueOf(AlertConfig.fromEnvironment(environment("alert-service")).httpPort()));
        assertHttpPort("ingest-service", String.valueOf(IngestConfig.fromEnvironment(environment("ingest-service")).httpPort()));
        String enrichHealthPort = environment("enrich-service").get("ENRICH_HEALTH_PORT");
        assertThat(healthcheck("enrich-service")).contains("localhost:" + enrichHealthPort + "/health");
    }

    @Test
    void shouldCreateEveryTopicTheServicesUseWithEnoughPartitionsToScaleOut() {
        Map<String, String> init = environment("topic-init");
        Set<String> created = Set.of(init.get("WIREWATCH_TOPICS").trim().split("\\s+"));
        Topics topics = Topics.create(Map.of("schema.registry.url", "mock://compose-test"));
        assertThat(created).containsExactlyInAnyOrderElementsOf(
                topics.all().stream().map(t -> t.name()).collect(Collectors.toSet()));
        assertThat(Integer.parseInt(init.get("TOPIC_PARTITIONS"))).isGreaterThanOrEqualTo(6);
        assertThat(Topics.TOPIC_CONFIGS).hasSize(1);
        Map.Entry<String, String> config = Topics.TOPIC_CONFIGS.entrySet().iterator().next();
        assertThat(init.get("WIREWATCH_TOPIC_CONFIG")).isEqualTo(config.getKey() + "=" + config.getValue());
        assertThat(String.valueOf(map(services.get("topic-init")).get("command"))).contains("--config \"$$WIREWATCH_TOPIC_CONFIG\"");
        assertThat(environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void shouldLetEnrichServiceScaleOut() {
        Map<String, Object> enrich = map(services.get("enrich-service"));
        assertThat(enrich).as("a fixed name or host port would stop --scale enrich-service=3")
                .doesNotContainKeys("container_name", "ports");
    }

    @Test
    void shouldPinEveryImageAndWaitOnHealthyDependencies() {
        for (var entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            String image = String.valueOf(service.get("image"));
            assertThat(image).as("image of %s", entry.getKey()).matches("[^:]+:[0-9][^:]*").doesNotEndWith(":latest");
            if (!entry.getKey().equals("topic-init")) {
                assertThat(service).as("%s has a healthcheck", entry.getKey()).containsKey("healthcheck");
            }
            dependsOn(entry.getKey()).forEach((dependency, condition) ->
                    assertThat(map(condition).get("condition")).as("%s waits for %s", entry.getKey(), dependency)
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

            assertThat(cluster.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("sasl.jaas.config")
                    .containsKey("ssl.truststore.location");
            assertThat(cluster.serdeConfig()).containsEntry("basic.auth.credentials.source", "USER_INFO")
                    .containsKey("basic.auth.user.info");
        }
    }

    private static void assertHttpPort(String service, String port) {
        assertThat(map(services.get(service)).get("ports")).asList().contains(port + ":" + port);
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
