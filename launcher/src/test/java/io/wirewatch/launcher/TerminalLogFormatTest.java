package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The launcher's own logging config ({@code wirewatch-logback.xml}), loaded as {@code ./wirewatch} loads it: the
 * terminal gets one line per event whatever the message or exception; the log file keeps all of it.
 */
class TerminalLogFormatTest {

    @TempDir
    Path work;

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private PrintStream realErr;
    private Path logFile;

    @BeforeEach
    void configure() throws JoranException {
        realErr = System.err;
        System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        logFile = work.resolve("wirewatch.log");
        context.putProperty(LogFile.VARIABLE, logFile.toString());
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(Wirewatch.LOGGING_CONFIG));
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("Logback's complaints about the config")
                .noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @AfterEach
    void restore() {
        System.setErr(realErr);
        context.stop();
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("Logback's errors while logging")
                .noneMatch(status -> status.getLevel() >= Status.WARN);
    }

    @Test
    void shouldShowTheFirstLineOfAMultiLineMessageAndKeepTheRestInTheFile() throws IOException {
        Logger enrich = context.getLogger("io.wirewatch.enrich.EnrichService");

        enrich.info("Starting enrich-service 'wirewatch-enrich' with topology:\nTopologies:\n   Sub-topology: 0\n\n");

        assertThat(terminalLines())
                .singleElement()
                .asString()
                .endsWith(
                        " INFO  EnrichService - Starting enrich-service 'wirewatch-enrich' with topology: [2 more lines in the log file]");
        assertThat(Files.readString(logFile)).contains("Topologies:\n   Sub-topology: 0");
    }

    @Test
    void shouldShowAnExceptionAsItsTypeAndMessageOnTheSameLineAndItsStackTraceOnlyInTheFile() throws IOException {
        Logger runner = context.getLogger("io.wirewatch.platform.lifecycle.ServiceRunner");

        runner.error(
                "alert-service failed to start",
                new UncheckedIOException("Cannot listen on 0.0.0.0:8080", new BindException("Address already in use")));

        assertThat(terminalLines())
                .singleElement()
                .asString()
                .endsWith(
                        " ERROR ServiceRunner - alert-service failed to start (UncheckedIOException: Cannot listen on 0.0.0.0:8080)");
        assertThat(Files.readString(logFile))
                .contains("Caused by: java.net.BindException: Address already in use")
                .contains("\tat io.wirewatch.launcher.TerminalLogFormatTest");
    }

    @Test
    void shouldSendTheDetailLoggerAndTheBrokerToTheFileOnly() throws IOException {
        context.getLogger(Wirewatch.DETAIL_LOGGER)
                .warn("wirewatch replay: cannot reach Kafka", new IllegalStateException("x"));
        context.getLogger("org.apache.kafka.clients.NetworkClient")
                .warn("Connection to node -1 could not be established");

        assertThat(terminalLines()).isEmpty();
        assertThat(Files.readString(logFile))
                .contains("cannot reach Kafka")
                .contains("java.lang.IllegalStateException: x")
                .contains("Connection to node -1");
    }

    private java.util.List<String> terminalLines() {
        return terminal.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
