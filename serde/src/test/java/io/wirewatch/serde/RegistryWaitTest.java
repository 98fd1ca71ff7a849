package io.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RegistryWaitTest {

    @Test
    void shouldWaitWithOneClearLineUntilTheRegistryAnswersThenReturn() throws Exception {
        // Given no registry on a port, and the log captured
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(RegistryWait.class);
        logger.addAppender(log);
        HttpServer registry = null;
        try {
            // When a service waits for it
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    RegistryWait.untilReachable(url, Duration.ofMillis(100), Duration.ofMinutes(1));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            // Then it says once what it waits for, and keeps waiting
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.list.isEmpty());
            assertThat(log.list.get(0).getFormattedMessage())
                    .startsWith("Waiting for the schema registry at " + url)
                    .contains("retrying every 100 ms");
            assertThat(waiting).isNotDone();

            // When the registry comes up (anything answering HTTP), the wait ends with a line saying so
            registry = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            registry.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            registry.start();
            waiting.get(10, TimeUnit.SECONDS);
            assertThat(log.list).hasSize(2);
            assertThat(log.list.get(1).getFormattedMessage()).startsWith("Schema registry at " + url + " answered");
        } finally {
            logger.detachAppender(log);
            if (registry != null) {
                registry.stop(0);
            }
        }
    }
}
