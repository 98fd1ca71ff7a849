package io.wirewatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class ListenPortTest {

    @Test
    void shouldNameThePortTheFlagAndTheFreePortChoiceWhenAnotherProcessListensThere() throws IOException {
        // Given a port something else listens on, on the loopback address only
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ListenPort alertPage = new ListenPort("--port", taken.getLocalPort(), "the alert page", null);

            // When up checks it, Then it is one line naming the port, the flag, and 0 for a free one
            assertThat(alertPage.problem()).get().satisfies(error -> {
                assertThat(error.getMessage())
                        .isEqualTo("port " + taken.getLocalPort() + " (the alert page) is already"
                                + " in use; choose another with --port PORT, or --port 0 for a free one");
                assertThat(error.exitCode()).isEqualTo(1);
            });
        }
    }

    @Test
    void shouldFindNothingWrongWithAFreePortAFreePortRequestOrAPortTurnedOff() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        assertThat(new ListenPort("--port", free, "the alert page", null).problem())
                .isEmpty();
        assertThat(new ListenPort("--port", 0, "the alert page", null).problem())
                .isEmpty();
        assertThat(new ListenPort("--ingest-port", -1, "ingest", "turns it off").problem())
                .isEmpty();
    }

    @Test
    void shouldRefuseNumbersThatAreNoPortsSayingWhatTheFlagTakes() {
        assertThatThrownBy(() -> new ListenPort("--kafka-port", 70_000, "the Kafka broker", null).requireValid())
                .isInstanceOf(CliError.class)
                .hasMessage("--kafka-port must be a port number from 0 to 65535 (0 picks a free one), was 70000");
        assertThatThrownBy(() -> new ListenPort("--port", -1, "the alert page", null).requireValid())
                .hasMessage("--port must be a port number from 0 to 65535 (0 picks a free one), was -1");
        assertThatThrownBy(() -> new ListenPort("--ingest-port", -2, "ingest", "turns it off").requireValid())
                .hasMessage(
                        "--ingest-port must be a port number from 0 to 65535 (0 picks a free one, -1 turns it off), was -2");
        new ListenPort("--ingest-port", -1, "ingest", "turns it off").requireValid();
    }

    @Test
    void shouldRecogniseABindFailureDeepInAServersCausesAndNothingElse() {
        // How the broker and the HTTP servers report a port they could not bind
        Exception broker = new KafkaException(
                "Socket server failed to bind to localhost:9092: Address already in use.",
                new BindException("Address already in use"));
        Exception http =
                new UncheckedIOException("Cannot listen on 0.0.0.0:8080", new BindException("Address already in use"));

        assertThat(ListenPort.bindFailure(broker)).isPresent();
        assertThat(ListenPort.bindFailure(http)).containsInstanceOf(BindException.class);
        assertThat(ListenPort.bindFailure(new IllegalStateException("topic articles.raw missing")))
                .isEmpty();
    }
}
