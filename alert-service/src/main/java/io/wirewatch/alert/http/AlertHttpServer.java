package io.wirewatch.alert.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.knowledge.World;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.http.BearerTokens;
import io.wirewatch.platform.http.HttpExchanges;
import io.wirewatch.platform.http.HttpRoutes;
import io.wirewatch.platform.http.RateLimiter;
import io.wirewatch.schema.Alert;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert service's HTTP interface: interactive queries over the alerts, a Server-Sent Events stream of new alert
 * versions, a health check and a small live web page.
 *
 * <table>
 *   <caption>Routes (GET only; anything else is 405)</caption>
 *   <tr><td>{@code /alerts}</td><td>JSON array of alerts, filtered as {@link AlertFilter} describes; 400 on a bad
 *       parameter, 503 + Retry-After while the store is not queryable, 429 + Retry-After past the per-IP rate</td></tr>
 *   <tr><td>{@code /alerts/{id}}</td><td>one alert as JSON, or 404</td></tr>
 *   <tr><td>{@code /alerts/stream}</td><td>{@code text/event-stream}: with {@code replay=true} (the default) every
 *       current alert first, then each new version as it is committed; see {@link SseConnection} for framing</td></tr>
 *   <tr><td>{@code /health}</td><td>{@code {"status":"UP"|"DOWN",...}}, 200 or 503</td></tr>
 *   <tr><td>{@code /metrics}</td><td>the meter registry in the Prometheus text format (dead letters as
 *       {@code wirewatch_dead_letters_total}, HTTP requests, Kafka Streams client metrics); served when the registry
 *       is, or as a composite holds, a Prometheus registry ({@link PrometheusMetrics#scrapeable}), 404 otherwise</td></tr>
 *   <tr><td>{@code /casualties?place=Homs}</td><td>the place's reported death tolls day by day ({@link PlaceFigures}),
 *       for the dashboard's timeline; 400 without a place</td></tr>
 *   <tr><td>{@code /actors.json}</td><td>names, kinds and members of every state and bloc code (the knowledge
 *       {@code World}), for the dashboard's labels</td></tr>
 *   <tr><td>{@code /}, {@code /app.js} and its modules, {@code /app.css}, {@code /world-110m.json}</td><td>the
 *       operator's dashboard: filters, map, timeline and the live alert list</td></tr>
 *   <tr><td>{@code POST /login}</td><td>only with read tokens ({@link HttpOptions#listener()}): the sign-in form;
 *       a known token becomes an HttpOnly cookie and a 303 to the page</td></tr>
 * </table>
 * With read tokens, every route but {@code /health}, {@code /metrics} and the page's static files answers 401
 * without a token ({@code Authorization: Bearer} or the sign-in cookie) and 403 with an unknown one; the page's
 * address answers a visitor without one with the sign-in form.
 * Alert JSON is {@link AlertJson}'s; errors are {@code {"error": "...", "parameter": "..."}}.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: a handful of routes, no servlet container or web framework needed,
 * and no extra dependency. Every response carries {@code X-Content-Type-Options: nosniff} and a Content Security
 * Policy allowing only this origin's own script files, so no injected markup can run even if it reached the page.
 * CORS is off unless {@link HttpOptions#corsOrigin()} names an origin. The thread pool has one thread per allowed
 * stream plus {@link HttpOptions#requestThreads()}, so open streams cannot starve ordinary requests.
 */
public final class AlertHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertHttpServer.class);

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_HEADER_COUNT = 100;
    private static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String LOGIN = "/login";
    private static final String GET = "GET";
    private static final int MAX_LOGIN_BYTES = 4096;
    /** How long a browser keeps its sign-in: a month, so an operator's wall display does not ask every morning. */
    private static final long SIGN_IN_SECONDS = 30L * 24 * 3600;

    private static final Map<String, StaticAsset> ASSETS = Map.ofEntries(
            Map.entry("/", new StaticAsset("web/index.html", "text/html; charset=utf-8")),
            Map.entry("/index.html", new StaticAsset("web/index.html", "text/html; charset=utf-8")),
            Map.entry("/app.js", new StaticAsset("web/app.js", JAVASCRIPT)),
            Map.entry("/dom.js", new StaticAsset("web/dom.js", JAVASCRIPT)),
            Map.entry("/filters.js", new StaticAsset("web/filters.js", JAVASCRIPT)),
            Map.entry("/alert-list.js", new StaticAsset("web/alert-list.js", JAVASCRIPT)),
            Map.entry("/map.js", new StaticAsset("web/map.js", JAVASCRIPT)),
            Map.entry("/timeline.js", new StaticAsset("web/timeline.js", JAVASCRIPT)),
            Map.entry("/app.css", new StaticAsset("web/app.css", "text/css; charset=utf-8")),
            Map.entry("/favicon.svg", new StaticAsset("web/favicon.svg", "image/svg+xml")),
            Map.entry("/world-110m.json", new StaticAsset("web/world-110m.json", JSON)));

    private final HttpOptions options;
    private final AlertQueries queries;
    private final CasualtyQueries casualties;
    private final AlertFeed feed;
    private final Supplier<Health> health;
    private final HttpServer server;
    private final HttpRoutes routes;
    /** Routing with the platform's one way of failing: a JSON 500 in this server's error format, the exchange closed. */
    private final HttpHandler guarded = HttpExchanges.guarded(
            LOG,
            this::serve,
            e -> new HttpExchanges.Failure(500, JSON, AlertJson.error("Internal server error", Map.of())));

    private final ExecutorService executor;
    private final RateLimiter rateLimiter;
    private final Semaphore streamPermits;
    private final Set<SseConnection> openStreams = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> assetBodies = new ConcurrentHashMap<>();
    private final byte[] actorsJson;
    /** The sign-in form shown instead of the dashboard when a read token is needed and none came. */
    private final String loginPage;

    private final MeterRegistry meterRegistry;
    /** Renders /metrics; null when the registry has no Prometheus view. */
    private final PrometheusMeterRegistry prometheus;

    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private final Counter droppedStreams;
    private final Object inFlightLock = new Object();
    /** Requests being handled, guarded by inFlightLock; close() waits for zero instead of a fixed grace period. */
    private int inFlight;

    private volatile boolean closing;

    private AlertHttpServer(
            HttpOptions options,
            AlertQueries queries,
            CasualtyQueries casualties,
            AlertFeed feed,
            Supplier<Health> health,
            MeterRegistry meterRegistry)
            throws IOException {
        this.options = options;
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.prometheus = PrometheusMetrics.scrapeable(meterRegistry).orElse(null);
        this.queries = Objects.requireNonNull(queries, "queries");
        this.casualties = Objects.requireNonNull(casualties, "casualties");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.health = Objects.requireNonNull(health, "health");
        this.rateLimiter = new RateLimiter(
                options.ratePerSecond(), options.rateBurst(), RateLimiter.DEFAULT_MAX_KEYS, System::nanoTime);
        this.streamPermits = new Semaphore(options.maxStreams());
        for (StaticAsset asset : ASSETS.values()) {
            assetBodies.computeIfAbsent(asset.resource(), AlertHttpServer::readResource);
        }
        this.actorsJson = WorldJson.actors(World.standard()).getBytes(StandardCharsets.UTF_8);
        int threads = options.maxStreams() + options.requestThreads();
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "alert-http-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.loginPage = new String(readResource("web/login.html"), StandardCharsets.UTF_8);
        this.routes = routes();
        this.server = options.listener().create(options.port(), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        // Registered last, so that a failure to bind leaves no meters behind.
        this.droppedStreams = register(Counter.builder("wirewatch.http.streams.dropped")
                .description("SSE clients cut off for falling too far behind")
                .register(meterRegistry));
        register(Gauge.builder("wirewatch.http.streams.open", openStreams, Set::size)
                .description("SSE clients connected to /alerts/stream")
                .register(meterRegistry));
    }

    /**
     * Starts serving with default {@link HttpOptions} on the given port (0 = a free port), on loopback.
     *
     * @param queries the alerts to serve, e.g. {@code StoreAlertQueries.of(kafkaStreams)}
     * @param feed    live alert versions for the stream, e.g. {@code AlertFeed.fromTopic(...).start()}
     * @param health  asked on each {@code /health}, e.g. {@code () -> Health.of(kafkaStreams.state())}
     */
    public static AlertHttpServer start(int port, AlertQueries queries, AlertFeed feed, Supplier<Health> health) {
        return start(HttpOptions.defaults().withPort(port), queries, feed, health);
    }

    /** Starts serving with the given options, with metrics in Micrometer's global registry. */
    public static AlertHttpServer start(
            HttpOptions options, AlertQueries queries, AlertFeed feed, Supplier<Health> health) {
        return start(options, queries, feed, health, Metrics.globalRegistry);
    }

    /**
     * Starts serving with the given options and metrics registry, without casualty figures ({@code /casualties}
     * answers every place with no days): for tools and tests that serve alerts only.
     */
    public static AlertHttpServer start(
            HttpOptions options,
            AlertQueries queries,
            AlertFeed feed,
            Supplier<Health> health,
            MeterRegistry meterRegistry) {
        return start(options, queries, place -> new PlaceFigures(place, 0, List.of()), feed, health, meterRegistry);
    }

    /**
     * Starts serving with the given options and metrics registry: counter {@code wirewatch.http.requests} (tags
     * {@code route}, {@code status}), gauge {@code wirewatch.http.streams.open}, counter
     * {@code wirewatch.http.streams.dropped}. The meters are removed from the registry on close.
     *
     * @param casualties the reported tolls by place and day, for {@code /casualties}
     */
    public static AlertHttpServer start(
            HttpOptions options,
            AlertQueries queries,
            CasualtyQueries casualties,
            AlertFeed feed,
            Supplier<Health> health,
            MeterRegistry meterRegistry) {
        try {
            AlertHttpServer httpServer = new AlertHttpServer(options, queries, casualties, feed, health, meterRegistry);
            httpServer.server.start();
            LOG.info("Alert HTTP server listening on {}", options.listener().describe(httpServer.port()));
            return httpServer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + options.bindAddress() + ":" + options.port(), e);
        }
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URI of the server, e.g. {@code http://127.0.0.1:43121/}, using loopback when bound to every interface. */
    public URI uri() {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : server.getAddress().getAddress().getHostAddress();
        return URI.create(options.listener().scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + port() + "/");
    }

    /** Number of SSE clients connected now. */
    public int openStreamCount() {
        return openStreams.size();
    }

    /** Ends every stream, stops accepting connections and waits briefly for requests in flight. */
    @Override
    public void close() {
        closing = true;
        openStreams.forEach(SseConnection::drop);
        awaitRequestsInFlight(1_000);
        // Only now stop: the JDK server's own grace period (stop(delay)) waits the whole delay on some JDKs.
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        meters.forEach(meterRegistry::remove);
        LOG.info("Alert HTTP server stopped");
    }

    private void awaitRequestsInFlight(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (inFlightLock) {
            long remaining;
            while (inFlight > 0 && (remaining = deadline - System.currentTimeMillis()) > 0) {
                try {
                    inFlightLock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            handleCounted(exchange);
        } finally {
            countRequest(exchange);
            synchronized (inFlightLock) {
                if (--inFlight == 0) {
                    inFlightLock.notifyAll();
                }
            }
        }
    }

    private void countRequest(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String route = ASSETS.containsKey(path)
                ? "page"
                : path.equals("/health")
                        ? "health"
                        : path.equals("/metrics")
                                ? "metrics"
                                : path.equals("/alerts")
                                        ? "alerts"
                                        : path.equals("/alerts/stream")
                                                ? "stream"
                                                : path.equals("/casualties")
                                                        ? "casualties"
                                                        : path.equals("/actors.json")
                                                                ? "actors"
                                                                : path.startsWith("/alerts/") ? "alert" : "other";
        Counter counter = Counter.builder("wirewatch.http.requests")
                .description("HTTP requests answered, by route and status")
                .tag("route", route)
                .tag("status", Integer.toString(exchange.getResponseCode()))
                .register(meterRegistry);
        meters.add(counter);
        counter.increment();
    }

    private <M extends Meter> M register(M meter) {
        meters.add(meter);
        return meter;
    }

    private void handleCounted(HttpExchange exchange) throws IOException {
        guarded.handle(exchange);
    }

    private void serve(HttpExchange exchange) throws IOException {
        addCommonHeaders(exchange.getResponseHeaders());
        String rawTarget = exchange.getRequestURI().toString();
        if (rawTarget.length() > options.maxUriLength()) {
            sendError(exchange, 414, "Request target longer than " + options.maxUriLength() + " characters", Map.of());
            return;
        }
        if (exceedsHeaderLimits(exchange.getRequestHeaders())) {
            sendError(exchange, 431, "Request headers too large", Map.of());
            return;
        }
        routes.handle(exchange);
    }

    /**
     * Every route takes GET only (the sign-in form POST only). With read tokens, everything but the probes
     * ({@code /health}, {@code /metrics}) and the page's code, styles and map (the same for everyone, no alert in them)
     * needs a token; the dashboard's shell does too, so that a visitor without one gets the sign-in form. The alert
     * queries and {@code /casualties} count against the per-client rate.
     */
    private HttpRoutes routes() {
        HttpRoutes routes = new HttpRoutes(
                        exchange -> sendError(
                                exchange,
                                404,
                                "No such resource: " + exchange.getRequestURI().getRawPath(),
                                Map.of()),
                        (exchange, allowed) -> sendError(
                                exchange,
                                405,
                                "Method " + exchange.getRequestMethod() + " not allowed; use "
                                        + String.join(", ", allowed),
                                Map.of()))
                .onError(
                        InvalidParameterException.class,
                        (exchange, e) -> sendError(exchange, 400, e.getMessage(), Map.of("parameter", e.parameter())))
                .onError(AlertsUnavailableException.class, (exchange, e) -> {
                    LOG.info("Alerts not queryable: {}", e.getMessage());
                    exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
                    sendError(
                            exchange,
                            503,
                            "Alerts temporarily unavailable (store rebalancing or restoring); retry shortly",
                            Map.of());
                });
        ASSETS.forEach((path, asset) -> {
            HttpRoutes.PathHandler page = (exchange, captures) -> serveAsset(exchange, asset);
            boolean shell = path.equals("/") || path.equals("/index.html");
            routes.on(path, shell ? withToken(page) : page, GET);
        });
        routes.on("/health", this::serveHealth, GET)
                .on("/alerts", limited((exchange, captures) -> serveList(exchange)), GET)
                .on("/alerts/stream", limited((exchange, captures) -> serveStream(exchange)), GET)
                .on("/alerts/{id}", limited((exchange, captures) -> serveOne(exchange, captures.get("id"))), GET)
                .on("/casualties", limited((exchange, captures) -> serveCasualties(exchange)), GET)
                .on("/actors.json", withToken((exchange, captures) -> serveActors(exchange)), GET);
        if (prometheus != null) {
            routes.on("/metrics", this::serveMetrics, GET);
        }
        if (options.listener().guarded()) {
            routes.on(LOGIN, this::serveLogin, "POST");
        }
        return routes;
    }

    /** {@code handler} for a holder of a read token, when the server has read tokens. */
    private HttpRoutes.PathHandler withToken(HttpRoutes.PathHandler handler) {
        if (!options.listener().guarded()) {
            return handler;
        }
        return (exchange, captures) -> {
            if (authenticated(exchange)) {
                handler.handle(exchange, captures);
            }
        };
    }

    /** {@code handler} behind the read token and the per-client rate: 429 with Retry-After beyond it. */
    private HttpRoutes.PathHandler limited(HttpRoutes.PathHandler handler) {
        return withToken((exchange, captures) -> {
            String client = clientKey(exchange);
            if (!rateLimiter.tryAcquire(client)) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(rateLimiter.secondsUntilToken(client)));
                sendError(exchange, 429, "Too many requests; slow down", Map.of());
                return;
            }
            handler.handle(exchange, captures);
        });
    }

    /**
     * Checks the bearer header or the sign-in cookie; answers the request (401 or 403, the sign-in form for the page, or
     * 429 for an address guessing too fast) and returns false when neither holds a known token.
     */
    private boolean authenticated(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        BearerTokens.Check check = options.listener().tokens().orElseThrow().check(exchange.getRequestHeaders());
        if (check.accepted()) {
            return true;
        }
        String client = clientKey(exchange);
        if (!rateLimiter.tryAcquire(client)) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(rateLimiter.secondsUntilToken(client)));
            sendError(exchange, 429, "Too many requests; slow down", Map.of());
            return false;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            String query = exchange.getRequestURI().getRawQuery();
            sendLoginPage(
                    exchange,
                    401,
                    check.status() == BearerTokens.Status.MISSING ? "" : "That token is not accepted.",
                    query == null ? "/" : "/?" + query);
            return false;
        }
        if (check.status() == BearerTokens.Status.MISSING) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wirewatch-alerts\"");
            sendError(exchange, 401, "A read token is needed: Authorization: Bearer TOKEN, or sign in at /", Map.of());
        } else {
            LOG.warn("Refused {} from {}: unknown token", path, client);
            exchange.getResponseHeaders()
                    .set("WWW-Authenticate", "Bearer realm=\"wirewatch-alerts\", error=\"invalid_token\"");
            sendError(exchange, 403, "Token not accepted", Map.of());
        }
        return false;
    }

    /**
     * {@code POST /login} from the sign-in form ({@code token}, {@code next}): with a known token, sets it as an
     * HttpOnly, SameSite=Strict cookie (Secure over TLS) and sends the browser on to {@code next}, so that the page's
     * own requests and its {@code EventSource}, which cannot carry an Authorization header, present it. The page's
     * scripts never see the token.
     */
    private void serveLogin(HttpExchange exchange) throws IOException {
        String client = clientKey(exchange);
        if (!rateLimiter.tryAcquire(client)) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(rateLimiter.secondsUntilToken(client)));
            sendError(exchange, 429, "Too many requests; slow down", Map.of());
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_LOGIN_BYTES + 1);
        if (body.length > MAX_LOGIN_BYTES) {
            sendError(exchange, 413, "Sign-in form larger than " + MAX_LOGIN_BYTES + " bytes", Map.of());
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.putIfAbsent(decode(pair.substring(0, equals), "form"), decode(pair.substring(equals + 1), "form"));
            }
        }
        String next = safeNext(form.get("next"));
        BearerTokens.Check check = options.listener().tokens().orElseThrow().check(form.get("token"));
        if (!check.accepted()) {
            LOG.warn(
                    "Refused sign-in from {}: {}",
                    client,
                    check.status() == BearerTokens.Status.MISSING ? "no token" : "unknown token");
            sendLoginPage(exchange, 403, "That token is not accepted.", next);
            return;
        }
        LOG.info("Signed in {} with read token '{}'", client, check.name());
        exchange.getResponseHeaders()
                .add(
                        "Set-Cookie",
                        BearerTokens.COOKIE + "=" + form.get("token")
                                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SIGN_IN_SECONDS
                                + (options.listener().tls().isPresent() ? "; Secure" : ""));
        exchange.getResponseHeaders().set("Location", next);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 303, new byte[0]);
    }

    /** Only a path of this origin: anything else ({@code //host}, {@code https://…}) would make an open redirect. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.length() > 2048
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private void sendLoginPage(HttpExchange exchange, int status, String message, String next) throws IOException {
        String page = loginPage.replace("{{message}}", escapeHtml(message)).replace("{{next}}", escapeHtml(next));
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, page.getBytes(StandardCharsets.UTF_8));
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private void serveList(HttpExchange exchange) throws IOException {
        AlertFilter filter = AlertFilter.fromQuery(queryParameters(exchange));
        sendJson(exchange, 200, AlertJson.toJsonArray(queries.find(filter)));
    }

    private void serveCasualties(HttpExchange exchange) throws IOException {
        Map<String, List<String>> parameters = queryParameters(exchange);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getKey().equals("place")) {
                throw new InvalidParameterException(
                        parameter.getKey(),
                        "Unknown parameter '" + parameter.getKey() + "'; /casualties takes only place");
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidParameterException("place", "Parameter 'place' given more than once");
            }
        }
        String place = parameters.getOrDefault("place", List.of("")).get(0).strip();
        if (place.isEmpty()) {
            throw new InvalidParameterException("place", "place is required, e.g. /casualties?place=Homs");
        }
        sendJson(exchange, 200, casualties.figuresOf(place).toJson());
    }

    /** {@code /alerts/{id}}, {@code rawId} still percent-encoded. */
    private void serveOne(HttpExchange exchange, String rawId) throws IOException {
        if (exchange.getRequestURI().getRawQuery() != null) {
            throw new InvalidParameterException(
                    queryParameters(exchange).keySet().stream().findFirst().orElse("query"),
                    "/alerts/{id} takes no query parameters");
        }
        String id = decode(rawId, "id");
        Optional<Alert> alert = queries.byId(id);
        if (alert.isPresent()) {
            sendJson(exchange, 200, AlertJson.toJson(alert.get()));
        } else {
            sendError(exchange, 404, "No alert with id '" + id + "'", Map.of("id", id));
        }
    }

    private void serveActors(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, actorsJson);
    }

    private void serveMetrics(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", PrometheusMetrics.CONTENT_TYPE);
        send(exchange, 200, prometheus.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private void serveHealth(HttpExchange exchange) throws IOException {
        Health current;
        try {
            current = health.get();
        } catch (RuntimeException e) {
            current = Health.down("health check failed: " + e.getMessage());
        }
        ObjectNode body = AlertJson.mapper().createObjectNode();
        body.put("status", current.status().name());
        current.details().forEach(body::put);
        body.put("streams", openStreams.size());
        sendJson(exchange, current.isUp() ? 200 : 503, AlertJson.write(body));
    }

    private void serveStream(HttpExchange exchange) throws IOException {
        boolean replay = streamReplayParameter(queryParameters(exchange));
        if (closing || !streamPermits.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
            sendError(exchange, 503, "Too many open alert streams (limit " + options.maxStreams() + ")", Map.of());
            return;
        }
        SseConnection connection = new SseConnection(options.streamQueueCapacity());
        openStreams.add(connection);
        // Subscribe before taking the replay snapshot, so nothing committed in between is missed; a version seen in
        // both is harmless (the page keeps the newest revision of each id).
        try (AlertFeed.Subscription ignored = feed.subscribe(connection)) {
            List<Alert> snapshot = replay ? oldestFirst(queries.all()) : List.of();
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/event-stream; charset=utf-8");
            headers.set("Cache-Control", "no-store");
            headers.set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            connection.serve(out, snapshot, options.heartbeat());
        } finally {
            if (connection.dropped() && !closing) {
                droppedStreams.increment();
                LOG.info(
                        "Dropped alert stream client {}: it fell {} events behind",
                        exchange.getRemoteAddress(),
                        options.streamQueueCapacity());
            }
            openStreams.remove(connection);
            streamPermits.release();
        }
    }

    private static List<Alert> oldestFirst(java.util.Collection<Alert> alerts) {
        List<Alert> sorted = new ArrayList<>(alerts);
        sorted.sort(AlertFilter.NEWEST_FIRST.reversed());
        return sorted;
    }

    private static boolean streamReplayParameter(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals("replay")) {
                throw new InvalidParameterException(
                        name, "Unknown parameter '" + name + "'; /alerts/stream takes only replay");
            }
        }
        List<String> values = parameters.getOrDefault("replay", List.of());
        if (values.isEmpty()) {
            return true;
        }
        if (values.size() > 1 || !(values.get(0).equals("true") || values.get(0).equals("false"))) {
            throw new InvalidParameterException("replay", "replay must be true or false");
        }
        return Boolean.parseBoolean(values.get(0));
    }

    private void serveAsset(HttpExchange exchange, StaticAsset asset) throws IOException {
        if (exchange.getRequestURI().getRawQuery() != null) {
            queryParameters(exchange); // still reject malformed encodings, but ignore cache-busting parameters
        }
        exchange.getResponseHeaders().set("Content-Type", asset.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, assetBodies.get(asset.resource()));
    }

    private void addCommonHeaders(Headers headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        options.corsOrigin().ifPresent(origin -> {
            headers.set("Access-Control-Allow-Origin", origin);
            headers.set("Vary", "Origin");
        });
    }

    private boolean exceedsHeaderLimits(Headers headers) {
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                count++;
                bytes += header.getKey().length() + value.length();
            }
        }
        return count > MAX_HEADER_COUNT || bytes > options.maxHeaderBytes();
    }

    private static String clientKey(HttpExchange exchange) {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** Decoded query parameters in order; a value-less parameter ({@code ?flag}) has the empty string as value. */
    static Map<String, List<String>> queryParameters(HttpExchange exchange) {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String raw, String parameter) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "Malformed percent-encoding in " + parameter);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendError(HttpExchange exchange, int status, String message, Map<String, String> details)
            throws IOException {
        sendJson(exchange, status, AlertJson.error(message, details));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        HttpExchanges.send(exchange, status, null, body);
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = AlertHttpServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing web asset on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read web asset " + resource, e);
        }
    }

    private record StaticAsset(String resource, String contentType) {}
}
