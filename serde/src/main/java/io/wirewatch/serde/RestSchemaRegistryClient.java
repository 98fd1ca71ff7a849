package io.wirewatch.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (v1). Ids and registrations are cached for the life of the
 * client: a schema id never changes meaning, so one HTTP call per schema is enough. Several comma-separated URLs
 * are tried in turn when one cannot be reached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUris;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        List<URI> uris = new ArrayList<>();
        String userInfoFromUrl = null;
        for (String part : config.schemaRegistryUrl().split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (uri.getUserInfo() != null) {
                userInfoFromUrl = uri.getRawUserInfo();
                uri = URI.create(
                        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
            }
            uris.add(uri);
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("'" + AvroSerdeConfig.SCHEMA_REGISTRY_URL + "' holds no URL");
        }
        this.baseUris = List.copyOf(uris);
        String userInfo = switch (config.basicAuthCredentialsSource().toUpperCase()) {
            case "USER_INFO", "SASL_INHERIT" -> config.basicAuthUserInfo();
            case "URL" -> userInfoFromUrl;
            default ->
                throw new IllegalArgumentException("Unsupported '" + AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                        + "': " + config.basicAuthCredentialsSource() + " (use URL or USER_INFO)");
        };
        this.authorization = userInfo == null || userInfo.isBlank()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        String cacheKey = subject + "\u0000" + schema;
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        JsonNode response = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = response.path("id").asInt();
        idsBySubjectAndSchema.put(cacheKey, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Optional<Integer> lookup(String subject, Schema schema) {
        String cacheKey = subject + "\u0000" + schema;
        Integer cached = idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            JsonNode response = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
            int id = response.path("id").asInt();
            idsBySubjectAndSchema.put(cacheKey, id);
            return Optional.of(id);
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode response = call("GET", "/schemas/ids/" + id, null);
        Schema schema = new Schema.Parser().parse(response.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public SchemaVersion latest(String subject) {
        JsonNode response = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = new Schema.Parser().parse(response.path("schema").asText());
        int id = response.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new SchemaVersion(subject, response.path("version").asInt(), id, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode response =
                    call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
            return response.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        body.put("schemaType", "AVRO");
        return body.toString();
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", CONTENT_TYPE);
                request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling schema registry " + base + path, e);
            }
            return parse(method, base + path, response);
        }
        throw new SchemaRegistryException(
                "Schema registry not reachable at " + baseUris + ": " + lastFailure, lastFailure);
    }

    private static JsonNode parse(String method, String url, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    method + " " + url + " answered " + response.statusCode() + " with a body that is not JSON",
                    response.statusCode(),
                    -1);
        }
        if (response.statusCode() / 100 != 2) {
            int code = json.path("error_code").asInt(response.statusCode());
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException(
                    "Schema registry refused " + method + " " + url + ": " + response.statusCode() + " (error " + code
                            + ") " + message,
                    response.statusCode(),
                    code);
        }
        return json;
    }
}
