package io.wirewatch.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The one way Wirewatch's JDK-server endpoints (ingest's, alert's, the health server's, the dev stack's registry)
 * answer and fail: {@link #send} writes a status and a body (none for {@code HEAD} or an empty body), and
 * {@link #guarded} runs a handler so that every exchange is closed, a client that went away is logged at debug, and
 * any other failure is logged once with its request and answered with a 500 in the server's own error format.
 */
public final class HttpExchanges {

    /** A route's work; it may throw, {@link #guarded} answers what it cannot. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A response a server writes when a handler fails: its status, content type and body. */
    public record Failure(int status, String contentType, String body) {}

    private HttpExchanges() {}

    /**
     * {@code handler} with the common error handling.
     *
     * @param log       the server's logger, so that the failure is logged under its name
     * @param onFailure the server's 500 answer for an unexpected exception (its body format differs per server)
     */
    public static HttpHandler guarded(Logger log, Handler handler, Function<RuntimeException, Failure> onFailure) {
        return exchange -> {
            // Closed in finally, not by try-with-resources, which would close it before the 500 could be sent.
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                log.debug(
                        "HTTP client went away during {} {}: {}",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        e.toString());
            } catch (RuntimeException e) {
                log.error("Failed to serve {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Failure failure = onFailure.apply(e);
                try {
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    send(exchange, failure.status(), failure.contentType(), failure.body());
                } catch (IOException | RuntimeException notSent) {
                    // Headers may already be out (a stream failed midway): the client sees a cut connection.
                    log.debug("Could not send the error response: {}", notSent.toString());
                }
            } finally {
                exchange.close();
            }
        };
    }

    /** Sends {@code body} as UTF-8 text of {@code contentType}. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code status} with {@code body}; no body for {@code HEAD}, for an empty one, or for 204 and 304. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0
                || status == 204
                || status == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        if (noBody) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
