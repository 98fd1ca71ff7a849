package io.wirewatch.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.publish.ArticlePublisher;
import io.wirewatch.ingest.source.InputRejectedException;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.platform.http.BearerTokens;
import io.wirewatch.platform.http.HttpExchanges;
import io.wirewatch.platform.http.HttpListener;
import io.wirewatch.platform.http.HttpRoutes;
import io.wirewatch.platform.http.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP source. {@code POST /articles} takes one JSON object, a JSON array or JSONL and answers
 * {@code 202 {"accepted":[ids],"duplicates":[ids],"rejected":[{"line":n,"reason":...}]}} when at least one item was an
 * article, {@code 400} (same body plus {@code error}) when none was, {@code 413} over the size limit (at most
 * limit + 1 bytes are ever held in memory), {@code 415} for other content types, {@code 429} over the per-client rate;
 * a client that has not sent its whole body within {@link Limits#bodyReadTimeout} has its connection closed.
 * Every rejection of input is also a dead letter.
 *
 * <p>A {@code 202} means every article it lists (accepted or duplicate) is in {@code articles.raw}: the answer waits for
 * the broker's acknowledgement ({@link Backpressure#ackTimeout}). What the broker has not acknowledged by then is listed
 * as {@code unavailable} in a {@code 503} with {@code Retry-After}; sent again, it is answered as a duplicate once the
 * first copy is kept. While more than {@link Backpressure#maxPendingBytes} wait for the broker, posts get {@code 503}
 * at once and nothing is sent.
 *
 * <p>When the {@link HttpListener} holds tokens, {@code POST /articles} needs {@code Authorization: Bearer TOKEN}:
 * {@code 401} without, {@code 403} with an unknown one (neither is a dead letter: a stranger must not be able to fill
 * the dead-letter topic). The rate limit then counts per token name rather than per address, so feeds behind one
 * proxy do not share a budget. {@code GET /health} and {@code GET /metrics} stay open for probes and scrapers. {@code GET /health} reports the service state; {@code GET /metrics}, when the
 * server is given a scrape function, the service's meters in the Prometheus text format (rejections as
 * {@code wirewatch_dead_letters_total}).
 *
 * <p>The JDK's built-in server: three routes and small bodies do not justify a web framework, and it is the server the
 * platform's health endpoint already uses.
 */
public final class IngestHttpServer implements AutoCloseable {

    /** {@code Article.sourceRef} of what arrives here; the publisher sends these through its interactive producer. */
    public static final String SOURCE = ArticlePublisher.INTERACTIVE_SOURCE;

    /** Beyond this much, an oversized body is cut off rather than drained. */
    static final long MAX_DISCARD_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a client may take to send its body when {@link Limits} does not say. */
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param maxRequestBytes    largest body accepted (413 above)
     * @param maxArticleBytes    largest single article
     * @param requestsPerSecond  per-client rate limit
     * @param bodyReadTimeout    how long a client may take to send its whole body before the connection is closed;
     *                           without it a client trickling a body (slow loris) holds a worker thread for ever, and
     *                           two such clients stop the endpoint
     */
    public record Limits(int maxRequestBytes, int maxArticleBytes, double requestsPerSecond, Duration bodyReadTimeout) {

        public Limits {
            if (bodyReadTimeout == null || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
                throw new IllegalArgumentException("bodyReadTimeout must be positive, was " + bodyReadTimeout);
            }
        }

        public Limits(int maxRequestBytes, int maxArticleBytes, double requestsPerSecond) {
            this(maxRequestBytes, maxArticleBytes, requestsPerSecond, DEFAULT_BODY_READ_TIMEOUT);
        }
    }

    /**
     * How a post waits for the broker.
     *
     * @param ackTimeout      how long a post waits for its articles' acknowledgement before answering 503
     * @param maxPendingBytes bytes of articles sent and not yet acknowledged beyond which posts get 503 at once (below
     *                        the producer's {@code buffer.memory}, so a send never blocks on a full buffer)
     * @param pendingBytes    how many bytes wait now ({@code ArticlePublisher::pendingBytes})
     * @param brokerFailing   whether the broker looks away ({@code ArticlePublisher::stalledFor}), so posts get 503
     *                        at once instead of each waiting for a send to fail
     */
    public record Backpressure(
            Duration ackTimeout, long maxPendingBytes, LongSupplier pendingBytes, BooleanSupplier brokerFailing) {

        /** For tests without a broker: waits up to 5 s and never refuses at once. */
        public static Backpressure none() {
            return new Backpressure(Duration.ofSeconds(5), Long.MAX_VALUE, () -> 0, () -> false);
        }
    }

    /**
     * Worker threads. A post holds one while it waits for the broker's acknowledgement (one linger plus a round trip,
     * tens of milliseconds), so a handful would cap throughput at a few hundred posts a second.
     */
    public static final int THREADS = 16;

    private final HttpServer server;
    private final HttpListener listener;
    private final Backpressure backpressure;
    private final ExecutorService executor;
    private final IngestPipeline pipeline;
    private final RequestBody requestBody;
    private final Limits limits;
    private final RateLimiter rateLimiter;
    private final Supplier<Map<String, Object>> health;
    /** Closes the connections of clients too slow to send their body (see {@link Limits#bodyReadTimeout}). */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-http-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private IngestHttpServer(
            HttpServer server,
            HttpListener listener,
            Backpressure backpressure,
            ExecutorService executor,
            IngestPipeline pipeline,
            Limits limits,
            Supplier<Map<String, Object>> health,
            Clock clock) {
        this.server = server;
        this.listener = listener;
        this.backpressure = backpressure;
        this.executor = executor;
        this.pipeline = pipeline;
        this.limits = limits;
        this.requestBody = new RequestBody(limits.maxArticleBytes());
        this.rateLimiter =
                RateLimiter.onClock(limits.requestsPerSecond(), Math.max(1, limits.requestsPerSecond() * 2), clock);
        this.health = health;
    }

    /**
     * Starts listening on {@code port} (0 picks a free port).
     *
     * @param health details for {@code GET /health}; its {@code status} entry should be {@code UP} or {@code DOWN}
     */
    public static IngestHttpServer start(
            int port, IngestPipeline pipeline, Limits limits, Supplier<Map<String, Object>> health) throws IOException {
        return start(port, pipeline, limits, health, null);
    }

    /**
     * Starts listening on {@code port} (0 picks a free port) on loopback without tokens, also serving
     * {@code GET /metrics} with what {@code metrics} returns (e.g. {@code PrometheusMeterRegistry::scrape}) unless it
     * is null.
     *
     * @param health details for {@code GET /health}; its {@code status} entry should be {@code UP} or {@code DOWN}
     */
    public static IngestHttpServer start(
            int port,
            IngestPipeline pipeline,
            Limits limits,
            Supplier<Map<String, Object>> health,
            Supplier<String> metrics)
            throws IOException {
        return start(port, HttpListener.loopback(), pipeline, limits, Backpressure.none(), health, metrics);
    }

    /**
     * Starts listening on {@code port} (0 picks a free port) where and as {@code listener} says (interface, tokens,
     * TLS), waiting for the broker as {@code backpressure} says.
     */
    public static IngestHttpServer start(
            int port,
            HttpListener listener,
            IngestPipeline pipeline,
            Limits limits,
            Backpressure backpressure,
            Supplier<Map<String, Object>> health,
            Supplier<String> metrics)
            throws IOException {
        HttpServer server = listener.create(port, 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "ingest-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        IngestHttpServer ingestServer = new IngestHttpServer(
                server, listener, backpressure, executor, pipeline, limits, health, Clock.systemUTC());
        HttpRoutes routes = new HttpRoutes(
                        exchange -> respond(exchange, 404, Map.of("error", "not found")),
                        (exchange, allowed) -> respond(
                                exchange,
                                405,
                                Map.of(
                                        "error",
                                        "use " + String.join(" or ", allowed) + " on "
                                                + exchange.getRequestURI().getRawPath())))
                .post("/articles", ingestServer::handleArticles)
                .on("/health", ingestServer::handleHealth, "GET", "HEAD", "POST");
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
                        e -> new HttpExchanges.Failure(
                                500,
                                "application/json",
                                "{\"error\":\"internal error: " + e.getClass().getSimpleName() + "\"}")));
        server.setExecutor(executor);
        server.start();
        LOG.info(
                "Ingest HTTP endpoint listening on {} (POST /articles, GET /health)",
                listener.describe(server.getAddress().getPort()));
        return ingestServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        Map<String, Object> details = health.get();
        boolean up = "UP".equals(details.get("status"));
        respond(exchange, up ? 200 : 503, details);
    }

    private void handleArticles(HttpExchange exchange) throws IOException {
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String rateKey = client;
        if (listener.guarded()) {
            BearerTokens.Check check = listener.tokens().get().check(exchange.getRequestHeaders());
            if (!check.accepted()) {
                refuse(exchange, client, check.status());
                return;
            }
            rateKey = "token:" + check.name();
        }
        if (!rateLimiter.tryAcquire(rateKey)) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 429, Map.of("error", "too many requests from " + client));
            return;
        }
        long pending = backpressure.pendingBytes().getAsLong();
        if (pending >= backpressure.maxPendingBytes()) {
            // Nothing read, nothing sent: the body is left unread, so the connection cannot be reused.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds()));
            respond(
                    exchange,
                    503,
                    Map.of(
                            "error",
                            "the broker is not keeping up (" + pending
                                    + " bytes await its acknowledgement); nothing was accepted, retry later"));
            return;
        }
        if (backpressure.brokerFailing().getAsBoolean()) {
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds()));
            respond(
                    exchange,
                    503,
                    Map.of(
                            "error",
                            "the broker is unreachable (an article waits for its acknowledgement"
                                    + " longer than "
                                    + backpressure.ackTimeout().toMillis() + " ms, or the last send failed);"
                                    + " nothing was accepted, retry later"));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Optional<Body> received = readBodyInTime(exchange, client, RequestBody.isSupported(contentType));
        if (received.isEmpty()) {
            return;
        }
        Body body = received.get();
        if (!RequestBody.isSupported(contentType)) {
            String reason =
                    "unsupported content type '" + contentType + "': send application/json or application/x-ndjson";
            pipeline.reject(new Rejection(SOURCE, reason, body.bytes(), body.size(), null));
            respond(exchange, 415, Map.of("error", reason));
            return;
        }
        if (body.tooLarge()) {
            String reason = "request body too large: over the limit of " + limits.maxRequestBytes() + " bytes";
            pipeline.reject(new Rejection(SOURCE, reason, body.bytes(), body.size(), null));
            exchange.getResponseHeaders().set("Connection", "close");
            respond(exchange, 413, Map.of("error", reason));
            return;
        }
        ingest(exchange, contentType, body);
    }

    /**
     * 401 or 403; rate-limited per address first, so guessing tokens is as slow as the limit. Not a dead letter, and
     * the log line names the address, never what was presented.
     */
    private void refuse(HttpExchange exchange, String client, BearerTokens.Status status) throws IOException {
        if (!rateLimiter.tryAcquire(client)) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 429, Map.of("error", "too many requests from " + client));
            return;
        }
        exchange.getResponseHeaders().set("Connection", "close");
        if (status == BearerTokens.Status.MISSING) {
            LOG.warn("Refused POST /articles from {}: no credential", client);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wirewatch-ingest\"");
            respond(exchange, 401, Map.of("error", "send Authorization: Bearer TOKEN"));
        } else {
            LOG.warn("Refused POST /articles from {}: unknown token", client);
            exchange.getResponseHeaders()
                    .set("WWW-Authenticate", "Bearer realm=\"wirewatch-ingest\", error=\"invalid_token\"");
            respond(exchange, 403, Map.of("error", "token not accepted"));
        }
    }

    private long retryAfterSeconds() {
        return Math.max(1, backpressure.ackTimeout().toSeconds());
    }

    private void ingest(HttpExchange exchange, String contentType, Body body) throws IOException {
        List<RequestBody.Item> items;
        try {
            items = requestBody.parse(body.bytes(), contentType, SOURCE);
        } catch (InputRejectedException e) {
            pipeline.reject(new Rejection(SOURCE, e.getMessage(), body.bytes(), body.size(), e.getCause()));
            respond(exchange, 400, Map.of("error", e.getMessage()));
            return;
        }
        List<IngestPipeline.Outcome> kept = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (RequestBody.Item item : items) {
            IngestPipeline.Outcome outcome;
            if (item instanceof RequestBody.Accepted article) {
                outcome = pipeline.ingest(article.article());
            } else {
                RequestBody.Invalid invalid = (RequestBody.Invalid) item;
                String reason =
                        invalid.line() > 0 ? "item " + invalid.line() + ": " + invalid.reason() : invalid.reason();
                outcome =
                        pipeline.reject(new Rejection(SOURCE, reason, invalid.payload(), invalid.payloadSize(), null));
            }
            switch (outcome.kind()) {
                case PUBLISHED, DUPLICATE -> kept.add(outcome);
                case REJECTED -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("line", item.line());
                    entry.put(
                            "reason",
                            item instanceof RequestBody.Invalid invalid ? invalid.reason() : outcome.reason());
                    rejected.add(entry);
                }
            }
        }
        awaitAcknowledgements(kept);
        List<String> accepted = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (IngestPipeline.Outcome outcome : kept) {
            CompletableFuture<Void> acknowledged = outcome.acknowledged();
            if (!acknowledged.isDone() || acknowledged.isCompletedExceptionally()) {
                unavailable.add(outcome.id());
            } else if (outcome.kind() == IngestPipeline.Outcome.Kind.PUBLISHED) {
                accepted.add(outcome.id());
            } else {
                duplicates.add(outcome.id());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        boolean anyArticle = !kept.isEmpty();
        if (!unavailable.isEmpty()) {
            answer.put(
                    "error",
                    "the broker did not acknowledge " + unavailable.size() + " of the articles within "
                            + backpressure.ackTimeout().toMillis() + " ms; send those again later");
        } else if (!anyArticle) {
            answer.put(
                    "error",
                    rejected.isEmpty()
                            ? "no articles in the body"
                            : (String) rejected.get(0).get("reason"));
        }
        answer.put("accepted", accepted);
        answer.put("duplicates", duplicates);
        if (!unavailable.isEmpty()) {
            answer.put("unavailable", unavailable);
        }
        answer.put("rejected", rejected);
        if (!unavailable.isEmpty()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds()));
            respond(exchange, 503, answer);
        } else {
            respond(exchange, anyArticle ? 202 : 400, answer);
        }
    }

    /** Waits, up to the ack timeout in all, until every article is acknowledged or has failed. */
    private void awaitAcknowledgements(List<IngestPipeline.Outcome> outcomes) {
        CompletableFuture<?>[] waiting = outcomes.stream()
                .map(IngestPipeline.Outcome::acknowledged)
                .filter(future -> !future.isDone())
                .toArray(CompletableFuture[]::new);
        if (waiting.length == 0) {
            return;
        }
        try {
            CompletableFuture.allOf(waiting).get(backpressure.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Told apart per article by the caller: what is not done or failed is "unavailable".
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body's bytes, at most the limit; {@code size} is the declared or counted size. */
    private record Body(byte[] bytes, long size, boolean tooLarge) {}

    /**
     * Reads the body (and drains the rest of an oversized one) within {@link Limits#bodyReadTimeout}; empty when the
     * client was too slow, in which case its connection has been closed and there is no one to answer. The JDK server
     * has no per-request read timeout of its own (only JVM-wide system properties, read once), so a watchdog closes
     * the exchange, which makes the blocked read fail.
     */
    private Optional<Body> readBodyInTime(HttpExchange exchange, String client, boolean drainOversized)
            throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(
                () -> {
                    expired.set(true);
                    exchange.close();
                },
                limits.bodyReadTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            Body body = readBody(exchange);
            if (body.tooLarge() && drainOversized) {
                discardRest(exchange);
            }
            deadline.cancel(false);
            if (!expired.get()) {
                return Optional.of(body);
            }
        } catch (IOException e) {
            deadline.cancel(false);
            if (!expired.get()) {
                throw e;
            }
        }
        LOG.warn(
                "Closed the connection of {}: its request body took longer than {} ms",
                client,
                limits.bodyReadTimeout().toMillis());
        return Optional.empty();
    }

    private Body readBody(HttpExchange exchange) throws IOException {
        int limit = limits.maxRequestBytes();
        long declared = contentLength(exchange);
        // Not closed here: an oversized body's remainder is discarded later, and exchange.close() closes it.
        InputStream in = exchange.getRequestBody();
        if (declared > limit) {
            // Keep the head for the dead letter; never hold the rest.
            byte[] head = in.readNBytes(Math.min(limit, limits.maxArticleBytes()));
            return new Body(head, declared, true);
        }
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            byte[] head = Arrays.copyOf(bytes, Math.min(limit, limits.maxArticleBytes()));
            return new Body(head, Math.max(declared, bytes.length), true);
        }
        return new Body(bytes, bytes.length, false);
    }

    /**
     * Reads and drops what is left of an oversized body, up to {@link #MAX_DISCARD_BYTES}: a client still sending
     * when the server closes the connection sees a reset instead of the 413. Nothing is kept in memory.
     */
    private static void discardRest(HttpExchange exchange) {
        try {
            InputStream in = exchange.getRequestBody();
            long discarded = 0;
            byte[] sink = new byte[64 * 1024];
            for (int read = in.read(sink); read > 0 && discarded < MAX_DISCARD_BYTES; read = in.read(sink)) {
                discarded += read;
            }
        } catch (IOException e) {
            LOG.debug("Client went away while its oversized body was discarded: {}", e.toString());
        }
    }

    private static long contentLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        HttpExchanges.send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** Stops accepting requests, lets running ones finish (up to a second), and stops the worker threads. */
    @Override
    public void close() {
        server.stop(1);
        watchdog.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
