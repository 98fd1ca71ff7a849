package io.wirewatch.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadSettingsFromTheFileTheEnvironmentNamesWithTheEnvironmentWinning() throws IOException {
        // Given a properties file with two settings, one of which the environment also sets
        Path file = dir.resolve("wirewatch.properties");
        Files.writeString(file, "ENRICH_NUM_STREAM_THREADS=3\nKAFKA_BOOTSTRAP_SERVERS=file-broker:9092\n");
        Map<String, String> env =
                Map.of(Env.CONFIG_FILE, file.toString(), "KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092");

        // When the environment is read over the file
        Map<String, String> settings = Env.withConfigFile(env);

        // Then the file fills in what the environment leaves out, and the environment wins where both say something
        assertThat(settings)
                .containsEntry("ENRICH_NUM_STREAM_THREADS", "3")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092");
        assertThat(ClusterConfig.fromEnvironment(settings).bootstrapServers()).isEqualTo("env-broker:9092");
        assertThat(Env.intValue(settings, "ENRICH_NUM_STREAM_THREADS", 1)).isEqualTo(3);
    }

    @Test
    void shouldLeaveTheEnvironmentAsItIsWhenItNamesNoFile() {
        Map<String, String> env = Map.of("ALERT_HTTP_PORT", "8080");

        assertThat(Env.withConfigFile(env)).isEqualTo(env);
    }

    @Test
    void shouldNameTheVariableAndTheFileWhenTheFileCannotBeRead() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> Env.withConfigFile(Map.of(Env.CONFIG_FILE, missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Env.CONFIG_FILE)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldParseNumbersAndFallBackOnlyWhenUnsetOrBlank() {
        Map<String, String> env = Map.of("A", " 42 ", "B", "", "C", "2.5", "D", "9000000000");

        assertThat(Env.intValue(env, "A", 7)).isEqualTo(42);
        assertThat(Env.intValue(env, "B", 7)).isEqualTo(7);
        assertThat(Env.intValue(env, "UNSET", 7)).isEqualTo(7);
        assertThat(Env.doubleValue(env, "C", 1.0)).isEqualTo(2.5);
        assertThat(Env.longValue(env, "D", 0L)).isEqualTo(9_000_000_000L);
        assertThat(Env.text(env, "A", "x")).isEqualTo("42");
        assertThat(Env.text(env, "B", "x")).isEqualTo("x");
    }

    @Test
    void shouldNameTheVariableAndItsValueWhenANumberDoesNotParse() {
        Map<String, String> env = Map.of("ALERT_SPIKE_MIN", "many", "ALERT_SPIKE_FACTOR", "2,5");

        assertThatThrownBy(() -> Env.intValue(env, "ALERT_SPIKE_MIN", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALERT_SPIKE_MIN must be a whole number, was 'many'");
        assertThatThrownBy(() -> Env.doubleValue(env, "ALERT_SPIKE_FACTOR", 3.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALERT_SPIKE_FACTOR must be a number, was '2,5'");
    }
}
