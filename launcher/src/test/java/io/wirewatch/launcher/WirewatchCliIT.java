package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.devstack.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an operator's terminal shows when a command cannot run: the launcher jar as {@code ./wirewatch} runs it, in its
 * own JVM with its own logging, so that "one line on stderr and a non-zero exit" is checked on the real stderr (no
 * stack trace from any logger or thread) and the detail is checked in the real log file.
 */
class WirewatchCliIT {

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void shouldRefuseAnUnknownFlagInOneLine() throws Exception {
        Result result = wirewatch(Map.of(), "up", "--prot", "8080");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.stderrLines())
                .containsExactly("wirewatch up: unknown options: '--prot', '8080' (did you mean"
                        + " --port?); see 'wirewatch up --help'");
        assertThat(result.stdout).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "--port, the alert page",
        "--ingest-port, ingest's POST /articles",
        "--kafka-port, the Kafka broker",
        "--registry-port, the schema registry"
    })
    @Timeout(120)
    void shouldNameATakenPortTheFlagThatMovesItAndThatZeroPicksAFreeOne(String flag, String what) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            List<String> args = new ArrayList<>(List.of(
                    "up",
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--port",
                    "0",
                    "--ingest-port",
                    "0",
                    "--data-dir",
                    work.resolve("data").toString()));
            args.addAll(List.of(flag, String.valueOf(port)));

            Result result = wirewatch(Map.of(), args.toArray(String[]::new));

            assertThat(result.exit).isEqualTo(1);
            assertThat(result.stderrLines())
                    .containsExactly("wirewatch up: port " + port + " (" + what + ") is already in"
                            + " use; choose another with " + flag + " PORT, or " + flag + " 0 for a free one");
            assertThat(result.stdout).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"replay, ../seeds", "tail, alerts", "enrich, ", "alert, "})
    @Timeout(120)
    void shouldSayInOneLineThatNoBrokerAnswersAndKeepTheDetailInTheLogFile(String command, String argument)
            throws Exception {
        String broker = "localhost:" + closedPort();
        List<String> args = new ArrayList<>(List.of(command));
        if (argument != null) {
            args.add(argument);
        }
        args.addAll(List.of("--bootstrap-server", broker, "--connect-timeout", "PT2S"));

        long started = System.nanoTime();
        Result result = wirewatch(Map.of(), args.toArray(String[]::new));

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.stderrLines())
                .containsExactly(
                        "wirewatch " + command + ": cannot reach Kafka at " + broker
                                + ": no broker answered within 2 s (is the cluster up? --bootstrap-server HOST:PORT points elsewhere)");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("gave up after the timeout, not the clients' minute")
                .isLessThan(Duration.ofSeconds(40));
        assertThat(result.log())
                .as("the log file keeps the detail")
                .contains("Kafka at " + broker + " did not answer")
                .contains("TimeoutException")
                .contains("Connection to node -1");
    }

    @Test
    @Timeout(120)
    void shouldCheckTheClusterThatIngestReadsFromItsEnvironment() throws Exception {
        String broker = "localhost:" + closedPort();

        Result result = wirewatch(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker), "ingest", "../seeds");

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.stderrLines())
                .containsExactly(
                        "wirewatch ingest: cannot reach Kafka at " + broker
                                + ": no broker answered within 10 s (is the cluster up? KAFKA_BOOTSTRAP_SERVERS points elsewhere)");
    }

    @Test
    @Timeout(120)
    void shouldNameTheSchemaRegistryWhenTheBrokerAnswersButTheRegistryDoesNot() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String registry = "http://localhost:" + closedPort();

            // A generous timeout for the broker, which is there (a loaded machine is slow to connect a new JVM's
            // client); the registry's refusal is immediate
            Result result = wirewatch(
                    Map.of(),
                    "replay",
                    "../seeds",
                    "--bootstrap-server",
                    kafka.bootstrapServers(),
                    "--schema-registry",
                    registry,
                    "--connect-timeout",
                    "PT30S");

            assertThat(result.exit).isEqualTo(1);
            assertThat(result.stderrLines())
                    .containsExactly("wirewatch replay: cannot reach the schema registry at " + registry
                            + ": connection refused (is it up? --schema-registry URL points elsewhere)");
            assertThat(result.log())
                    .as("the broker answered, the registry did not")
                    .doesNotContain("Kafka at " + kafka.bootstrapServers() + " did not answer")
                    .contains("Schema registry at " + registry + " did not answer");
        }
    }

    @Test
    @Timeout(120)
    void shouldRefuseASecondUpOnADataDirectoryAnotherProcessRunsOn() throws Exception {
        Path data = work.resolve("data");
        try (DataDirLock ignored = DataDirLock.acquire(data)) {
            Result result = wirewatch(
                    Map.of(),
                    "up",
                    "--data-dir",
                    data.toString(),
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--port",
                    "0",
                    "--ingest-port",
                    "-1");

            assertThat(result.exit).isEqualTo(1);
            assertThat(result.stderrLines())
                    .containsExactly("wirewatch up: --data-dir " + data + " is in use by another"
                            + " running wirewatch up (pid "
                            + ProcessHandle.current().pid() + "); stop that one, or give this one"
                            + " another --data-dir");
        }
    }

    @Test
    @Timeout(120)
    void shouldNameTheBrokersFlagWhenItsPortIsTakenAfterTheCheck() throws Exception {
        // Given a port that passed up's check and was then taken by another process before the broker bound it
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            ListenPort kafka = new ListenPort("--kafka-port", port, "the Kafka broker", null);
            ListenPort registry = new ListenPort("--registry-port", 0, "the schema registry", null);

            // When the real stack starts on it, Then the broker's bind failure is the same one line as the check's
            assertThatThrownBy(() -> UpCommand.listening(
                            List.of(kafka, registry),
                            () -> EmbeddedStack.start(
                                    EmbeddedStack.Options.defaults().withKafkaPort(port))))
                    .isInstanceOf(CliError.class)
                    .hasMessage(
                            "port " + port + " (the Kafka broker) is already in use; choose another with --kafka-port"
                                    + " PORT, or --kafka-port 0 for a free one");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code java -jar target/launcher-*.jar ARGS} as {@code ./wirewatch} does, from the launcher module. */
    private Result wirewatch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path log = work.resolve("wirewatch-" + System.nanoTime() + ".log");
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwirewatch.home=" + Path.of("..").toAbsolutePath().normalize(),
                "-jar",
                launcherJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SCHEMA_REGISTRY_"));
        builder.environment().put(LogFile.VARIABLE, log.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "wirewatch " + String.join(" ", args) + " did not finish; stderr:\n" + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr), log);
    }

    private static Path launcherJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "launcher-*.jar")) {
            for (Path jar : jars) {
                if (!jar.getFileName().toString().contains("-tests")) {
                    return jar;
                }
            }
        }
        throw new AssertionError("no launcher jar in target/: Failsafe runs after package");
    }

    private record Result(int exit, String stdout, String stderr, Path logFile) {
        List<String> stderrLines() {
            assertThat(stderr)
                    .as("no stack trace on the terminal")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception:");
            return stderr.lines().toList();
        }

        String log() {
            try {
                return Files.readString(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
