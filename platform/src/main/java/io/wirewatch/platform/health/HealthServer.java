package io.wirewatch.platform.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.platform.http.HttpExchanges;
import io.wirewatch.platform.http.HttpRoutes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server answering {@code GET /health} for services that serve nothing else (enrich-service), so
 * that container healthchecks and load balancers can probe them, and, when given a scrape function,
 * {@code GET /metrics} in the Prometheus text format ({@link PrometheusMetrics}). The JDK's built-in server is enough
 * for two routes; a servlet container would be the only reason to pull a web framework into a stream processor.
 */
public final class HealthServer implements AutoCloseable {

    /** What a service reports: UP when it is processing, DOWN otherwise, with a few details. */
    public record Health(boolean up, Map<String, Object> details) {
        public static Health up(Map<String, Object> details) {
            return new Health(true, details);
        }

        public static Health down(Map<String, Object> details) {
            return new Health(false, details);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0 picks a free one), serving {@code /health} only. */
    public static HealthServer start(int port, Supplier<Health> health) throws IOException {
        return start(port, health, null);
    }

    /**
     * Starts on {@code port} (0 picks a free one), serving {@code /health} and, when {@code metrics} is not null,
     * {@code /metrics} with what it returns (e.g. {@code PrometheusMeterRegistry::scrape}).
     */
    public static HealthServer start(int port, Supplier<Health> health, Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        HttpRoutes routes = new HttpRoutes(
                exchange -> respond(
                        exchange,
                        404,
                        Map.of(
                                "error",
                                "not found",
                                "path",
                                exchange.getRequestURI().getPath())),
                (exchange, allowed) -> respond(exchange, 405, Map.of("error", "method not allowed")));
        routes.get("/health", exchange -> answer(exchange, health));
        if (metrics != null) {
            routes.get(
                    "/metrics",
                    exchange -> HttpExchanges.send(exchange, 200, PrometheusMetrics.CONTENT_TYPE, metrics.get()));
        }
        server.createContext(
                "/",
                HttpExchanges.guarded(
                        LOG,
                        routes,
                        e -> new HttpExchanges.Failure(500, "application/json", "{\"error\":\"internal error\"}")));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "health-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Supplier<Health> health) throws IOException {
        Health current;
        try {
            current = health.get();
        } catch (RuntimeException e) {
            current = Health.down(Map.of("error", String.valueOf(e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", current.up() ? "UP" : "DOWN");
        body.putAll(current.details());
        respond(exchange, current.up() ? 200 : 503, body);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        HttpExchanges.send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
