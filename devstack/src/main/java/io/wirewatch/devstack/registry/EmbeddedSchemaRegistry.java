package io.wirewatch.devstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.devstack.kafka.TopicAdmin;
import io.wirewatch.platform.http.HttpExchanges;
import io.wirewatch.platform.http.HttpRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the subset of Confluent's REST API that Avro serdes and common clients use (register,
 * look up, fetch by id, versions, compatibility, config, subject delete), backed by a {@link RegistryLog} so that
 * ids survive a restart when that log is a Kafka topic.
 *
 * <p>Served by the JDK's {@code com.sun.net.httpserver}: about a dozen JSON routes need no servlet container, and
 * staying on the JDK keeps a Jetty/Jersey stack out of every service's classpath. JSON is read and written with
 * Jackson. Every answer, errors included, is Confluent's JSON ({@code {"error_code":40401,"message":".."}}) with
 * content type {@code application/vnd.schemaregistry.v1+json}; no stack trace ever reaches a client.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies of refused oversized requests are read and dropped up to this much so the client gets the 413. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private static final String SUBJECT = "/subjects/{subject}";
    private static final String VERSIONS = SUBJECT + "/versions";
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";

    static {
        // Without TCP_NODELAY the JDK server writes headers and body in two segments and Nagle's algorithm holds the
        // second until the client's delayed ACK: ~40 ms per request. The JDK reads this documented property once,
        // when its first server is created; an explicit setting by the application is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SchemaRegistryState state;
    private final RegistryLog ownedLog;
    private final Options options;
    private final byte[] expectedAuthorization;
    private final HttpRoutes routes;
    private final HttpServer server;
    private final ExecutorService executor;

    private EmbeddedSchemaRegistry(RegistryLog log, boolean ownsLog, Options options) {
        this.options = options;
        this.ownedLog = ownsLog ? log : null;
        this.state = new SchemaRegistryState(log);
        this.expectedAuthorization = options.basicAuthUserInfo() == null
                ? null
                : ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                options.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
        this.routes = routes();
        try {
            this.server = HttpServer.create(new InetSocketAddress("localhost", options.port()), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Schema registry cannot listen on port " + options.port() + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", HttpExchanges.guarded(LOG, this::handle, e -> {
            Response internal =
                    Response.error(500, 50001, "Internal error: " + e.getClass().getSimpleName());
            return new HttpExchanges.Failure(internal.status(), internal.contentType(), internal.body());
        }));
        server.start();
        LOG.info("Schema registry listening on {}", url());
    }

    /** A registry persisting to a compacted topic on the given cluster (created if missing), replayed on start. */
    public static EmbeddedSchemaRegistry startOnKafka(Map<String, Object> kafkaProperties, Options options) {
        KafkaRegistryLog log = new KafkaRegistryLog(
                kafkaProperties, options.topic(), TopicAdmin.TopicSpec.CLUSTER_DEFAULT_REPLICATION);
        try {
            return new EmbeddedSchemaRegistry(log, true, options);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** A registry on a log the caller owns (and closes): reuse one {@link InMemoryRegistryLog} to restart in memory. */
    public static EmbeddedSchemaRegistry start(RegistryLog log, Options options) {
        return new EmbeddedSchemaRegistry(log, false, options);
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The state behind the REST API, for tests and tools in the same JVM. */
    public SchemaRegistryState state() {
        return state;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (ownedLog != null) {
            ownedLog.close();
        }
        LOG.info("Schema registry on port {} stopped", options.port() == 0 ? "(ephemeral)" : options.port());
    }

    /** Basic auth first, for every path: a client without the password learns nothing, not even what exists. */
    private void handle(HttpExchange exchange) throws IOException {
        if (authorised(exchange)) {
            routes.handle(exchange);
        } else {
            send(exchange, Response.error(401, 401, "Unauthorized"));
        }
    }

    private boolean authorised(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant-time comparison, so the answer time says nothing about how much of the password matched.
        return given != null
                && MessageDigest.isEqual(expectedAuthorization, given.trim().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Confluent's paths, each for the methods it takes (405 for the others, 404 for any other path); a
     * {@link RegistryException} from any of them is answered as Confluent's error JSON.
     */
    private HttpRoutes routes() {
        return new HttpRoutes(
                        exchange -> send(exchange, Response.error(404, 404, "HTTP 404 Not Found")),
                        (exchange, allowed) -> send(
                                exchange,
                                Response.error(
                                        405, 405, "HTTP 405 Method " + exchange.getRequestMethod() + " Not Allowed")))
                .onError(
                        RegistryException.class,
                        (exchange, e) -> send(exchange, Response.error(e.status(), e.errorCode(), e.getMessage())))
                .on("/", (exchange, path) -> send(exchange, Response.ok(JSON.createObjectNode())), GET)
                .on("/subjects", (exchange, path) -> send(exchange, Response.ok(stringArray(state.subjects()))), GET)
                .on(SUBJECT, (exchange, path) -> send(exchange, lookup(subject(path), readBody(exchange))), POST)
                .on(
                        SUBJECT,
                        (exchange, path) -> send(exchange, Response.ok(intArray(state.deleteSubject(subject(path))))),
                        DELETE)
                .on(
                        VERSIONS,
                        (exchange, path) -> send(exchange, Response.ok(intArray(state.versions(subject(path))))),
                        GET)
                .on(VERSIONS, (exchange, path) -> send(exchange, register(subject(path), readBody(exchange))), POST)
                .on(
                        VERSIONS + "/{version}",
                        (exchange, path) -> send(exchange, Response.ok(versionJson(version(path)))),
                        GET)
                .on(
                        VERSIONS + "/{version}/schema",
                        (exchange, path) ->
                                send(exchange, Response.raw(version(path).schema())),
                        GET)
                .on(
                        "/schemas/types",
                        (exchange, path) -> send(exchange, Response.ok(stringArray(List.of("AVRO")))),
                        GET)
                .on(
                        "/schemas/ids/{id}",
                        (exchange, path) -> send(
                                exchange,
                                Response.ok(JSON.createObjectNode().put("schema", state.schemaById(id(path))))),
                        GET)
                .on(
                        "/schemas/ids/{id}/schema",
                        (exchange, path) -> send(exchange, Response.raw(state.schemaById(id(path)))),
                        GET)
                .on("/compatibility" + VERSIONS, (exchange, path) -> compatibility(exchange, path, null), POST)
                .on(
                        "/compatibility" + VERSIONS + "/{version}",
                        (exchange, path) -> compatibility(exchange, path, segment(path, "version")),
                        POST)
                .on("/config", (exchange, path) -> send(exchange, levelJson(state.globalLevel())), GET)
                .on("/config", (exchange, path) -> putLevel(exchange, state::setGlobalLevel), PUT)
                .on("/config/{subject}", this::subjectLevel, GET)
                .on(
                        "/config/{subject}",
                        (exchange, path) -> putLevel(exchange, level -> state.setSubjectLevel(subject(path), level)),
                        PUT)
                .on(
                        "/config/{subject}",
                        (exchange, path) -> send(exchange, levelJson(state.deleteSubjectLevel(subject(path)))),
                        DELETE)
                // Some clients ask for the registry mode before writing; this registry is always writable.
                .on("/mode", EmbeddedSchemaRegistry::mode, GET)
                .on("/mode/{subject}", EmbeddedSchemaRegistry::mode, GET);
    }

    /** {@code PUT /config[/{subject}]}: reads the level, {@code set}s it, and answers with it. */
    private void putLevel(HttpExchange exchange, Consumer<CompatibilityLevel> set) throws IOException {
        CompatibilityLevel level = readLevel(readBody(exchange));
        set.accept(level);
        send(exchange, Response.ok(JSON.createObjectNode().put("compatibility", level.name())));
    }

    private void subjectLevel(HttpExchange exchange, Map<String, String> path) throws IOException {
        String subject = subject(path);
        CompatibilityLevel level = state.subjectLevel(subject).orElseGet(() -> {
            if (Boolean.parseBoolean(query(exchange).get("defaultToGlobal"))) {
                return state.globalLevel();
            }
            throw SchemaRegistryState.noSubjectLevel(subject);
        });
        send(exchange, levelJson(level));
    }

    private static void mode(HttpExchange exchange) throws IOException {
        send(exchange, Response.ok(JSON.createObjectNode().put("mode", "READWRITE")));
    }

    private static Response levelJson(CompatibilityLevel level) {
        return Response.ok(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    private SchemaRegistryState.VersionView version(Map<String, String> path) {
        return state.version(subject(path), segment(path, "version"));
    }

    private Response register(String subject, JsonNode body) {
        int id = state.register(subject, schemaText(body));
        return Response.ok(JSON.createObjectNode().put("id", id));
    }

    private Response lookup(String subject, JsonNode body) {
        return Response.ok(versionJson(state.lookup(subject, schemaText(body))));
    }

    private void compatibility(HttpExchange exchange, Map<String, String> path, String version) throws IOException {
        boolean verbose = Boolean.parseBoolean(query(exchange).get("verbose"));
        send(exchange, compatibility(subject(path), version, readBody(exchange), verbose));
    }

    private Response compatibility(String subject, String version, JsonNode body, boolean verbose) {
        String schema = schemaText(body);
        List<String> violations;
        try {
            violations = state.compatibilityViolations(subject, version, schema);
        } catch (RegistryException e) {
            // Confluent answers a compatibility question about a subject with no versions as "compatible".
            if (e.errorCode() == 40401 && version == null) {
                violations = List.of();
            } else {
                throw e;
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("is_compatible", violations.isEmpty());
        if (verbose) {
            ArrayNode messages = answer.putArray("messages");
            violations.forEach(messages::add);
        }
        return Response.ok(answer);
    }

    private static String schemaText(JsonNode body) {
        if (!body.isObject()) {
            throw RegistryException.invalidSchema("the request body must be a JSON object with a \"schema\" field");
        }
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
            throw RegistryException.invalidSchema("schema type '" + type.asText() + "' is not supported, only AVRO");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema("the request has no \"schema\" string");
        }
        return schema.asText();
    }

    private static CompatibilityLevel readLevel(JsonNode body) {
        JsonNode value = body.path("compatibility");
        if (!value.isTextual()) {
            value = body.path("compatibilityLevel");
        }
        CompatibilityLevel level = CompatibilityLevel.parse(value.isTextual() ? value.asText() : null);
        if (level == null) {
            throw RegistryException.invalidCompatibility(value.isMissingNode() ? "(missing)" : value.asText());
        }
        return level;
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > options.maxRequestBytes()) {
                    throw tooLarge(exchange);
                }
            } catch (NumberFormatException e) {
                throw new RegistryException(400, 400, "Content-Length '" + declared + "' is not a number");
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(options.maxRequestBytes() + 1);
        }
        if (body.length > options.maxRequestBytes()) {
            throw tooLarge(exchange);
        }
        if (body.length == 0) {
            throw new RegistryException(400, 400, "The request has no body; expected a JSON object");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private RegistryException tooLarge(HttpExchange exchange) {
        // The client may still be sending; reading the rest lets it finish and read the answer instead of a reset.
        try (InputStream in = exchange.getRequestBody()) {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (skipped < MAX_DRAIN_BYTES && (read = in.read(buffer)) >= 0) {
                skipped += read;
            }
        } catch (IOException e) {
            LOG.debug("Could not drain an oversized request: {}", e.toString());
        }
        return new RegistryException(413, 413, "Request body larger than " + options.maxRequestBytes() + " bytes");
    }

    private static int id(Map<String, String> path) {
        String text = segment(path, "id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("Schema '" + text + "' not found: ids are integers.");
        }
    }

    private static ObjectNode versionJson(SchemaRegistryState.VersionView v) {
        return JSON.createObjectNode()
                .put("subject", v.subject())
                .put("version", v.version())
                .put("id", v.id())
                .put("schema", v.schema());
    }

    private static ArrayNode stringArray(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode intArray(List<Integer> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String subject(Map<String, String> path) {
        return segment(path, "subject");
    }

    /** A captured path segment, decoded; '+' stays '+' (a subject name may hold one). */
    private static String segment(Map<String, String> path, String name) {
        return URLDecoder.decode(path.get(name).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query parameters; ones this registry does not know (such as {@code ?subject=}) are simply never read. */
    private static Map<String, String> query(HttpExchange exchange) {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"wirewatch-schema-registry\"");
        }
        HttpExchanges.send(exchange, response.status(), response.contentType(), response.body());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Response(int status, String body, String contentType) {
        static Response ok(JsonNode json) {
            return new Response(200, json.toString(), CONTENT_TYPE);
        }

        static Response raw(String schemaText) {
            return new Response(200, schemaText, CONTENT_TYPE);
        }

        static Response error(int status, int errorCode, String message) {
            return new Response(
                    status,
                    JSON.createObjectNode()
                            .put("error_code", errorCode)
                            .put("message", message)
                            .toString(),
                    CONTENT_TYPE);
        }
    }

    /**
     * How to serve. {@code port} 0 picks a free port; {@code basicAuthUserInfo} ({@code user:password}) or null
     * for no authentication; requests larger than {@code maxRequestBytes} get 413; {@code topic} is the Kafka log
     * topic when the registry runs on Kafka.
     */
    public record Options(int port, String basicAuthUserInfo, int maxRequestBytes, String topic) {
        public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Registry port must be within 0..65535, got " + port);
            }
            if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
                throw new IllegalArgumentException("Registry basic auth must be given as user:password");
            }
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
            }
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("The registry's topic must be named");
            }
        }

        public static Options defaults() {
            return new Options(0, null, DEFAULT_MAX_REQUEST_BYTES, KafkaRegistryLog.DEFAULT_TOPIC);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, basicAuthUserInfo, maxRequestBytes, topic);
        }

        public Options withBasicAuth(String userInfo) {
            return new Options(port, userInfo, maxRequestBytes, topic);
        }

        public Options withMaxRequestBytes(int bytes) {
            return new Options(port, basicAuthUserInfo, bytes, topic);
        }

        public Options withTopic(String newTopic) {
            return new Options(port, basicAuthUserInfo, maxRequestBytes, newTopic);
        }
    }
}
