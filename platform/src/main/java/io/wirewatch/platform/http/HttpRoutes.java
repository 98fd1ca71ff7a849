package io.wirewatch.platform.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routing by exact path and method for the JDK server: a request for a path no route has is answered by the
 * server's not-found handler, one with a method its path does not take gets {@code Allow} and the server's
 * wrong-method handler. Register it as the server's only context ({@code "/"}), wrapped in
 * {@link HttpExchanges#guarded}, so that routing and failures are handled in one place.
 */
public final class HttpRoutes implements HttpExchanges.Handler {

    /** Answers a method the path does not take; {@code Allow} is already set. */
    @FunctionalInterface
    public interface WrongMethod {
        void handle(HttpExchange exchange, Set<String> allowed) throws IOException;
    }

    private final Map<String, Map<String, HttpExchanges.Handler>> routes = new LinkedHashMap<>();
    private final HttpExchanges.Handler notFound;
    private final WrongMethod wrongMethod;

    public HttpRoutes(HttpExchanges.Handler notFound, WrongMethod wrongMethod) {
        this.notFound = notFound;
        this.wrongMethod = wrongMethod;
    }

    /** {@code GET} (and so {@code HEAD}) of {@code path}. */
    public HttpRoutes get(String path, HttpExchanges.Handler handler) {
        return on(path, handler, "GET", "HEAD");
    }

    public HttpRoutes post(String path, HttpExchanges.Handler handler) {
        return on(path, handler, "POST");
    }

    /** {@code path} for the given methods. */
    public HttpRoutes on(String path, HttpExchanges.Handler handler, String... methods) {
        Map<String, HttpExchanges.Handler> byMethod = routes.computeIfAbsent(path, ignored -> new LinkedHashMap<>());
        for (String method : methods) {
            byMethod.put(method.toUpperCase(Locale.ROOT), handler);
        }
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, HttpExchanges.Handler> byMethod =
                routes.get(exchange.getRequestURI().getRawPath());
        if (byMethod == null) {
            notFound.handle(exchange);
            return;
        }
        HttpExchanges.Handler handler = byMethod.get(exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        if (handler == null) {
            Set<String> allowed = new TreeSet<>(byMethod.keySet());
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            wrongMethod.handle(exchange, allowed);
            return;
        }
        handler.handle(exchange);
    }
}
