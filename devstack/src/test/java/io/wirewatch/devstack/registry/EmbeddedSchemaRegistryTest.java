package io.wirewatch.devstack.registry;

import static io.wirewatch.devstack.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.devstack.RegistryHttp;
import io.wirewatch.devstack.RegistryHttp.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's REST behaviour, Confluent's JSON shapes and error codes, on an in-memory log (no broker). */
class EmbeddedSchemaRegistryTest {

    private static final String REPORT_V1 = record("{\"name\":\"id\",\"type\":\"string\"}");
    private static final String REPORT_V2_WITH_DEFAULT = record(
            "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"outlet\",\"type\":\"string\",\"default\":\"unknown\"}");
    private static final String REPORT_V2_REQUIRED_FIELD =
            record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"casualties\",\"type\":\"int\"}");

    private final InMemoryRegistryLog log = new InMemoryRegistryLog();
    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(log, EmbeddedSchemaRegistry.Options.defaults());
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaUnderAnySubjectWithoutAddingAVersion() {
        // Given a schema registered under one subject
        int first = http.post("/subjects/a-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();

        // When it is registered again there and under another subject (whitespace differs)
        Answer again = http.post("/subjects/a-value/versions", schemaBody(REPORT_V1.replace(",", " , ")));
        Answer elsewhere = http.post("/subjects/b-value/versions", schemaBody(REPORT_V1));

        // Then both answers carry the first id and the first subject still has one version
        assertThat(again.json().path("id").asInt()).isEqualTo(first);
        assertThat(elsewhere.json().path("id").asInt()).isEqualTo(first);
        assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
    }

    @Test
    void shouldServeVersionsByNumberAndLatestInConfluentShape() {
        // Given two versions of a subject
        int v1 = http.post("/subjects/r-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();
        int v2 = http.post("/subjects/r-value/versions", schemaBody(REPORT_V2_WITH_DEFAULT))
                .json()
                .path("id")
                .asInt();

        // When they are read
        Answer latest = http.get("/subjects/r-value/versions/latest");
        Answer first = http.get("/subjects/r-value/versions/1");

        // Then the shape and numbers are Confluent's
        assertThat(v2).isNotEqualTo(v1);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.contentType()).isEqualTo(EmbeddedSchemaRegistry.CONTENT_TYPE);
        assertThat(latest.json().path("subject").asText()).isEqualTo("r-value");
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("id").asInt()).isEqualTo(v2);
        assertThat(latest.json().path("schema").asText()).contains("outlet");
        assertThat(first.json().path("id").asInt()).isEqualTo(v1);
        assertThat(http.get("/subjects/r-value/versions/-1")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(http.get("/subjects/r-value/versions/1/schema").body())
                .doesNotContain("outlet")
                .contains("\"Report\"");
        assertThat(http.get("/subjects/r-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldFetchSchemasByIdIgnoringQueryParametersItDoesNotKnow() {
        int id = http.post("/subjects/q-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();

        Answer answer = http.get("/schemas/ids/" + id + "?subject=q-value&fetchMaxId=false");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("schema").asText()).isEqualTo(REPORT_V1);
    }

    @Test
    void shouldLookUpARegisteredSchemaAndSayWhichPartIsMissingOtherwise() {
        int id = http.post("/subjects/l-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();

        Answer found = http.post("/subjects/l-value", schemaBody(REPORT_V1));
        Answer otherSchema = http.post("/subjects/l-value", schemaBody(REPORT_V2_WITH_DEFAULT));
        Answer otherSubject = http.post("/subjects/nobody-value", schemaBody(REPORT_V1));

        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(otherSchema.status()).isEqualTo(404);
        assertThat(otherSchema.errorCode()).isEqualTo(40403);
        assertThat(otherSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldRefuseABackwardIncompatibleSchemaWith409AndAcceptOneWithADefault() {
        http.post("/subjects/c-value/versions", schemaBody(REPORT_V1));

        Answer refused = http.post("/subjects/c-value/versions", schemaBody(REPORT_V2_REQUIRED_FIELD));
        Answer accepted = http.post("/subjects/c-value/versions", schemaBody(REPORT_V2_WITH_DEFAULT));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.json().path("message").asText())
                .contains("incompatible")
                .contains("casualties");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(http.post("/compatibility/subjects/c-value/versions/latest", schemaBody(REPORT_V2_REQUIRED_FIELD))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isFalse();
        Answer verbose = http.post(
                "/compatibility/subjects/c-value/versions/1?verbose=true", schemaBody(REPORT_V2_WITH_DEFAULT));
        assertThat(verbose.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(verbose.json().path("messages").isArray()).isTrue();
        assertThat(http.post("/compatibility/subjects/new-value/versions", schemaBody(REPORT_V1))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldApplyTheSubjectsOwnCompatibilityLevelOverTheGlobalOne() {
        // Given a subject set to NONE while the global level is the default BACKWARD
        assertThat(http.get("/config").json().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(http.get("/config/n-value").errorCode()).isEqualTo(40408);
        Answer put = http.put("/config/n-value", "{\"compatibility\":\"none\"}");
        assertThat(put.json().path("compatibility").asText()).isEqualTo("NONE");
        http.post("/subjects/n-value/versions", schemaBody(REPORT_V1));

        // When an incompatible version is registered there, Then it is accepted
        assertThat(http.post("/subjects/n-value/versions", schemaBody(REPORT_V2_REQUIRED_FIELD))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/config/n-value").json().path("compatibilityLevel").asText())
                .isEqualTo("NONE");
        assertThat(http.get("/config/other-value?defaultToGlobal=true")
                        .json()
                        .path("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD");

        // And once its own level is removed, the global one applies again
        assertThat(http.delete("/config/n-value")
                        .json()
                        .path("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertThat(http.post("/compatibility/subjects/n-value/versions/1", schemaBody(REPORT_V2_REQUIRED_FIELD))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void shouldCheckForwardAndFullLevelsInTheirOwnDirection() {
        // FORWARD: old readers must read new data; dropping a field without default breaks an old reader
        http.put("/config/f-value", "{\"compatibility\":\"FORWARD\"}");
        http.post("/subjects/f-value/versions", schemaBody(REPORT_V2_REQUIRED_FIELD));
        assertThat(http.post("/subjects/f-value/versions", schemaBody(REPORT_V1))
                        .status())
                .isEqualTo(409);

        // FULL: adding a field with a default works both ways
        http.put("/config/full-value", "{\"compatibility\":\"FULL\"}");
        http.post("/subjects/full-value/versions", schemaBody(REPORT_V1));
        assertThat(http.post("/subjects/full-value/versions", schemaBody(REPORT_V2_WITH_DEFAULT))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/subjects/full-value/versions", schemaBody(REPORT_V2_REQUIRED_FIELD))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void shouldCompareAgainstEveryVersionOnlyWhenTransitive() {
        // Given v1 {id}, v2 {id, outlet="unknown"}, v3 {id, outlet (no default)}: v3 reads v2 but not v1
        String v3 = record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"outlet\",\"type\":\"string\"}");
        for (String subject : new String[] {"plain-value", "transitive-value"}) {
            http.post("/subjects/" + subject + "/versions", schemaBody(REPORT_V1));
            http.post("/subjects/" + subject + "/versions", schemaBody(REPORT_V2_WITH_DEFAULT));
        }
        http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

        // Then BACKWARD accepts it and BACKWARD_TRANSITIVE refuses it
        assertThat(http.post("/subjects/plain-value/versions", schemaBody(v3)).status())
                .isEqualTo(200);
        assertThat(http.post("/subjects/transitive-value/versions", schemaBody(v3))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void shouldAnswerBadRequestsWithConfluentErrorJsonAndTheRightStatus() {
        http.post("/subjects/e-value/versions", schemaBody(REPORT_V1));

        assertError(http.post("/subjects/e-value/versions", "{not json"), 400, 400);
        assertError(http.post("/subjects/e-value/versions", "{\"schemaa\":\"x\"}"), 422, 42201);
        assertError(
                http.post("/subjects/e-value/versions", schemaBody("{\"type\":\"record\",\"name\":\"X\"}")),
                422,
                42201);
        assertError(
                http.post(
                        "/subjects/e-value/versions",
                        "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"),
                422,
                42201);
        assertError(http.get("/subjects/unknown-value/versions/latest"), 404, 40401);
        assertError(http.get("/subjects/e-value/versions/7"), 404, 40402);
        assertError(http.get("/subjects/e-value/versions/0"), 422, 42202);
        assertError(http.get("/subjects/e-value/versions/one"), 422, 42202);
        assertError(http.get("/schemas/ids/4242"), 404, 40403);
        assertError(http.get("/schemas/ids/abc"), 404, 40403);
        assertError(http.put("/config", "{\"compatibility\":\"SOMETIMES\"}"), 422, 42203);
        assertError(http.get("/no/such/route"), 404, 404);
        assertError(http.delete("/schemas/ids/1"), 405, 405);
        assertError(
                http.post("/subjects/e-value/versions", "{\"schema\":\"" + "x".repeat(1024 * 1024) + "\"}"), 413, 413);
    }

    @Test
    void shouldSoftDeleteASubjectAndKeepItsIdsReadable() {
        int id = http.post("/subjects/d-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();

        Answer deleted = http.delete("/subjects/d-value");

        assertThat(deleted.body()).isEqualTo("[1]");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
        assertError(http.get("/subjects/d-value/versions"), 404, 40401);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.post("/subjects/d-value/versions", schemaBody(REPORT_V1))
                        .json()
                        .path("id")
                        .asInt())
                .isEqualTo(id);
        assertThat(http.get("/subjects/d-value/versions").body()).isEqualTo("[2]");
    }

    @Test
    void shouldRebuildIdsVersionsAndConfigFromItsLogOnRestart() {
        // Given registrations and a config change written to the log
        int v1 = http.post("/subjects/p-value/versions", schemaBody(REPORT_V1))
                .json()
                .path("id")
                .asInt();
        http.put("/config", "{\"compatibility\":\"FULL\"}");
        int v2 = http.post("/subjects/p-value/versions", schemaBody(REPORT_V2_WITH_DEFAULT))
                .json()
                .path("id")
                .asInt();

        // When a new registry starts on the same log
        registry.close();
        registry = EmbeddedSchemaRegistry.start(log, EmbeddedSchemaRegistry.Options.defaults());
        http = new RegistryHttp(registry.url());

        // Then it knows the same ids and level, and the next id is new
        assertThat(http.get("/schemas/ids/" + v1).json().path("schema").asText())
                .isEqualTo(REPORT_V1);
        assertThat(http.get("/subjects/p-value/versions/latest")
                        .json()
                        .path("id")
                        .asInt())
                .isEqualTo(v2);
        assertThat(http.get("/config").json().path("compatibilityLevel").asText())
                .isEqualTo("FULL");
        int next = http.post("/subjects/other-value/versions", schemaBody(record("{\"name\":\"x\",\"type\":\"long\"}")))
                .json()
                .path("id")
                .asInt();
        assertThat(next).isGreaterThan(Math.max(v1, v2));
    }

    @Test
    void shouldGiveOneIdPerSchemaWhenManyClientsRegisterAtOnce() throws Exception {
        // Given eight clients each registering the same two schemas under their own subject and a shared one
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<int[]>> answers = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String own = "client" + c + "-value";
            answers.add(clients.submit(() -> new int[] {
                http.post("/subjects/" + own + "/versions", schemaBody(REPORT_V1))
                        .json()
                        .path("id")
                        .asInt(),
                http.post("/subjects/shared-value/versions", schemaBody(REPORT_V1))
                        .json()
                        .path("id")
                        .asInt(),
                http.post("/subjects/shared-value/versions", schemaBody(REPORT_V2_WITH_DEFAULT))
                        .json()
                        .path("id")
                        .asInt()
            }));
        }
        clients.shutdown();
        Set<Integer> v1Ids = new HashSet<>();
        Set<Integer> v2Ids = new HashSet<>();
        for (Future<int[]> answer : answers) {
            int[] ids = answer.get(10, TimeUnit.SECONDS);
            v1Ids.add(ids[0]);
            v1Ids.add(ids[1]);
            v2Ids.add(ids[2]);
        }

        // Then every client saw the same id per schema, and the shared subject got exactly two versions
        assertThat(v1Ids).hasSize(1);
        assertThat(v2Ids).hasSize(1).doesNotContainAnyElementsOf(v1Ids);
        assertThat(http.get("/subjects/shared-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldDecodeASubjectFromItsPathSegmentKeepingAPlus() {
        // Given a subject whose name holds a '+' and an encoded '/'
        http.post("/subjects/a+b%2Fc-value/versions", schemaBody(REPORT_V1));

        // When it is listed and read back through the same encoding
        Answer subjects = http.get("/subjects");
        Answer latest = http.get("/subjects/a+b%2Fc-value/versions/latest");

        // Then the name is whole: '+' is not a space, and %2F is a slash inside one segment
        assertThat(subjects.body()).isEqualTo("[\"a+b/c-value\"]");
        assertThat(latest.json().path("subject").asText()).isEqualTo("a+b/c-value");
    }

    @Test
    void shouldRequireBasicAuthenticationWhenConfigured() {
        try (EmbeddedSchemaRegistry secured = EmbeddedSchemaRegistry.start(
                new InMemoryRegistryLog(),
                EmbeddedSchemaRegistry.Options.defaults().withBasicAuth("wire:watch"))) {
            Answer anonymous = new RegistryHttp(secured.url()).get("/subjects");
            Answer wrong = new RegistryHttp(secured.url(), "wire:nope").get("/subjects");
            Answer right = new RegistryHttp(secured.url(), "wire:watch").get("/subjects");

            assertError(anonymous, 401, 401);
            assertError(wrong, 401, 401);
            assertThat(right.status()).isEqualTo(200);
            assertThat(right.body()).isEqualTo("[]");
        }
    }

    private static void assertError(Answer answer, int status, int errorCode) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(EmbeddedSchemaRegistry.CONTENT_TYPE);
        assertThat(answer.errorCode()).as("error_code of %s", answer.body()).isEqualTo(errorCode);
        assertThat(answer.json().path("message").asText()).isNotBlank().doesNotContain("\tat ");
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Report\",\"namespace\":\"io.wirewatch.test\",\"fields\":[" + fields
                + "]}";
    }
}
