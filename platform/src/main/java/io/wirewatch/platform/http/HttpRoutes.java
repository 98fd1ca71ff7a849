package io.wirewatch.platform.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routing by path template and method for the JDK server, and the one place a server says how it answers what no
 * route serves and what its routes throw. A template is a path whose segments are literal or a capture:
 * {@code /alerts/stream}, {@code /subjects/{subject}/versions/{version}}. A capture matches one whole segment that is
 * not empty and hands it to the route still percent-encoded (each server decodes by its own rules); the path must have
 * exactly the template's segments, so {@code /alerts/} and {@code /alerts/a/b} match neither {@code /alerts} nor
 * {@code /alerts/{id}}. Where two templates match, literal segments win over captures ({@code /alerts/stream} over
 * {@code /alerts/{id}}).
 *
 * <p>A path no template matches goes to the server's not-found handler; a path whose templates do not take the method
 * gets {@code Allow} (the methods they do take) and the server's wrong-method handler. An exception a route throws goes
 * to the first {@link #onError} handler registered for its type; any other propagates. Register the routes as the
 * server's only context ({@code "/"}), wrapped in {@link HttpExchanges#guarded}, which answers those with a 500.
 */
public final class HttpRoutes implements HttpExchanges.Handler {

    /** Answers a method the path does not take; {@code Allow} is already set. */
    @FunctionalInterface
    public interface WrongMethod {
        void handle(HttpExchange exchange, Set<String> allowed) throws IOException;
    }

    /** A route that reads its path's captures, by name, still percent-encoded. */
    @FunctionalInterface
    public interface PathHandler {
        void handle(HttpExchange exchange, Map<String, String> captures) throws IOException;
    }

    /** Answers an exception of type {@code E} that a route threw. */
    @FunctionalInterface
    public interface ErrorHandler<E extends RuntimeException> {
        void handle(HttpExchange exchange, E error) throws IOException;
    }

    /** Most specific first: at the first segment where two templates differ in kind, the literal one. */
    private static final Comparator<Route> LITERALS_FIRST = Comparator.comparing(Route::shape);

    /** Sorted {@link #LITERALS_FIRST}; templates that are equally specific keep the order they were added in. */
    private final List<Route> routes = new ArrayList<>();

    private final List<ErrorRule<?>> errorRules = new ArrayList<>();
    private final HttpExchanges.Handler notFound;
    private final WrongMethod wrongMethod;

    public HttpRoutes(HttpExchanges.Handler notFound, WrongMethod wrongMethod) {
        this.notFound = notFound;
        this.wrongMethod = wrongMethod;
    }

    /** {@code GET} (and so {@code HEAD}) of {@code template}. */
    public HttpRoutes get(String template, HttpExchanges.Handler handler) {
        return on(template, handler, "GET", "HEAD");
    }

    public HttpRoutes post(String template, HttpExchanges.Handler handler) {
        return on(template, handler, "POST");
    }

    /** {@code template} for the given methods, by a handler that needs none of its captures. */
    public HttpRoutes on(String template, HttpExchanges.Handler handler, String... methods) {
        return on(template, (exchange, captures) -> handler.handle(exchange), methods);
    }

    /** {@code template} for the given methods; the same template may be added again for other methods. */
    public HttpRoutes on(String template, PathHandler handler, String... methods) {
        Route route = routes.stream()
                .filter(existing -> existing.template().equals(template))
                .findFirst()
                .orElseGet(() -> add(Route.parse(template)));
        for (String method : methods) {
            route.byMethod().put(method.toUpperCase(Locale.ROOT), handler);
        }
        return this;
    }

    /** Answers an exception of {@code type} (or a subtype) thrown by any route; checked in the order added. */
    public <E extends RuntimeException> HttpRoutes onError(Class<E> type, ErrorHandler<? super E> handler) {
        errorRules.add(new ErrorRule<>(type, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String[] segments = (rawPath == null ? "" : rawPath).split("/", -1);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> captures = route.match(segments);
            if (captures == null) {
                continue;
            }
            PathHandler handler = route.byMethod().get(method);
            if (handler != null) {
                serve(exchange, handler, captures);
                return;
            }
            allowed.addAll(route.byMethod().keySet());
        }
        if (allowed.isEmpty()) {
            notFound.handle(exchange);
            return;
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        wrongMethod.handle(exchange, allowed);
    }

    private void serve(HttpExchange exchange, PathHandler handler, Map<String, String> captures) throws IOException {
        try {
            handler.handle(exchange, captures);
        } catch (RuntimeException e) {
            for (ErrorRule<?> rule : errorRules) {
                if (rule.answers(exchange, e)) {
                    return;
                }
            }
            throw e;
        }
    }

    private Route add(Route route) {
        routes.add(route);
        // A stable sort: equally specific templates stay in the order they were added.
        routes.sort(LITERALS_FIRST);
        return route;
    }

    /**
     * A parsed template: per segment, the literal text or, for a capture, null with its name in {@code names}.
     *
     * @param shape a digit a segment, {@code 0} literal and {@code 1} capture: literals first in the string order
     */
    private record Route(
            String template,
            List<String> literals,
            List<String> names,
            String shape,
            Map<String, PathHandler> byMethod) {

        static Route parse(String template) {
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("A route template starts with '/': " + template);
            }
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            StringBuilder shape = new StringBuilder();
            for (String segment : template.split("/", -1)) {
                boolean capture = segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2;
                if (!capture && (segment.contains("{") || segment.contains("}"))) {
                    throw new IllegalArgumentException(
                            "A capture is a whole segment, as in /items/{id}; not '" + segment + "' in " + template);
                }
                String name = capture ? segment.substring(1, segment.length() - 1) : null;
                if (name != null && names.contains(name)) {
                    throw new IllegalArgumentException("Capture {" + name + "} twice in " + template);
                }
                literals.add(capture ? null : segment);
                names.add(name);
                shape.append(capture ? '1' : '0');
            }
            return new Route(template, literals, names, shape.toString(), new LinkedHashMap<>());
        }

        /** The captures when {@code segments} (a raw path split on every '/') match, otherwise null. */
        Map<String, String> match(String[] segments) {
            if (segments.length != literals.size()) {
                return null;
            }
            Map<String, String> captures = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String literal = literals.get(i);
                if (literal == null) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    captures.put(names.get(i), segments[i]);
                } else if (!literal.equals(segments[i])) {
                    return null;
                }
            }
            return captures;
        }
    }

    private record ErrorRule<E extends RuntimeException>(Class<E> type, ErrorHandler<? super E> handler) {
        /** True when this rule is for {@code error}'s type and has answered it. */
        boolean answers(HttpExchange exchange, RuntimeException error) throws IOException {
            if (!type.isInstance(error)) {
                return false;
            }
            handler.handle(exchange, type.cast(error));
            return true;
        }
    }
}
