package io.wirewatch.schema;

import static io.wirewatch.schema.SchemaEvolution.plain;
import static io.wirewatch.schema.SchemaEvolution.plainWithout;
import static io.wirewatch.schema.SchemaEvolution.readWithOlderSchema;
import static io.wirewatch.schema.SchemaEvolution.schemaId;
import static io.wirewatch.schema.SchemaEvolution.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.InMemorySchemaRegistry;
import io.wirewatch.serde.KafkaAvroSerializer;
import io.wirewatch.serde.SchemaRegistryException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution from the released v1 contract to the current one (v2: {@code Article.language},
 * {@code Alert.countries}; v3: actor, member and target codes, the place's country, region and coordinates, and
 * {@code DiplomaticActionType.OTHER} as the enum's default): producers and consumers of either version exchange records through the registry, and the
 * registry refuses a change that would break BACKWARD compatibility. Runs on the in-memory ({@code mock://}) registry;
 * {@code SchemaRegistryEvolutionIT} repeats the refusal over HTTP.
 */
class SchemaEvolutionTest {

    /** Alert fields added after v1: countries (v2), codes and the place's coordinates (v3). */
    private static final String[] ALERT_FIELDS_SINCE_V1 = {
        "countries",
        "actorCode",
        "actorMemberCodes",
        "targetCode",
        "placeCountryCode",
        "placeRegion",
        "latitude",
        "longitude"
    };

    private static final long PUBLISHED = Instant.parse("2012-02-07T09:30:00Z").toEpochMilli();
    private static final long INGESTED = Instant.parse("2012-02-07T09:31:00Z").toEpochMilli();

    private final String scope = "schema-evolution-" + UUID.randomUUID();
    private final Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    private final Topics topics = Topics.create(serdeConfig);
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(scope);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldReadAnArticleWrittenWithV1AsCurrentArticleWithoutLanguage() {
        // Given an old ingest-service writing an Article with the v1 schema (which registers v1 under the subject)
        GenericRecord old = v1Article();
        byte[] bytes = oldProducer().serialize(topics.articlesRaw().name(), old);

        // When the current enrich-service reads it with the generated class
        Article article = topics.articlesRaw()
                .valueSerde()
                .deserializer()
                .deserialize(topics.articlesRaw().name(), bytes);

        // Then every v1 field arrives unchanged and the new field holds its default
        assertThat(article.getLanguage()).isNull();
        assertThat(plainWithout(article, "language")).isEqualTo(plain(old));
        assertThat(registry.getById(schemaId(bytes)).getField("language")).isNull();
    }

    @Test
    void shouldLetAV1ConsumerReadACurrentArticleCarryingALanguage() {
        // Given the subject already holds v1, and the current ingest-service writes an Article with a language
        oldProducer().serialize(topics.articlesRaw().name(), v1Article());
        Article current = Article.newBuilder(currentArticle()).setLanguage("en").build();
        byte[] bytes = topics.articlesRaw()
                .valueSerde()
                .serializer()
                .serialize(topics.articlesRaw().name(), current);

        // When a consumer still built on v1 reads it
        Schema writer = registry.getById(schemaId(bytes));
        GenericRecord seenByOldConsumer = readWithOlderSchema(bytes, writer, v1("Article"));

        // Then the registry took the new schema as version 2, and the old consumer sees every field it knows
        assertThat(registry.latest(subject(topics.articlesRaw())).version()).isEqualTo(2);
        assertThat(writer.getField("language")).isNotNull();
        assertThat(seenByOldConsumer.getSchema().getField("language")).isNull();
        assertThat(plain(seenByOldConsumer)).isEqualTo(plainWithout(current, "language"));
    }

    @Test
    void shouldReadAnAlertWrittenWithV1AsCurrentAlertWithNoCountries() {
        // Given an old alert-service writing an Alert with the v1 schema
        GenericRecord old = v1Alert();
        byte[] bytes = oldProducer().serialize(topics.alerts().name(), old);

        // When a current consumer (the launcher's tail, a dashboard) reads it
        Alert alert = topics.alerts()
                .valueSerde()
                .deserializer()
                .deserialize(topics.alerts().name(), bytes);

        // Then the v1 fields, nested evidence included, are intact and countries is empty
        assertThat(alert.getCountries()).isEmpty();
        assertThat(plainWithout(alert, ALERT_FIELDS_SINCE_V1)).isEqualTo(plain(old));
        assertThat(alert.getActorCode()).isNull();
        assertThat(alert.getLatitude()).isNull();
        assertThat(alert.getEvidence())
                .singleElement()
                .satisfies(evidence -> assertThat(evidence.getSeenAt()).isEqualTo(Instant.ofEpochMilli(INGESTED)));
    }

    @Test
    void shouldLetAV1ConsumerReadACurrentAlertCarryingCountries() {
        // Given the subject holds v1, and the current alert-service writes an Alert naming its countries
        oldProducer().serialize(topics.alerts().name(), v1Alert());
        Alert current = Alert.newBuilder(currentAlert())
                .setCountries(List.of("SY"))
                .setPlaceCountryCode("SY")
                .setPlaceRegion("Homs")
                .setLatitude(34.73)
                .setLongitude(36.71)
                .build();
        byte[] bytes = topics.alerts()
                .valueSerde()
                .serializer()
                .serialize(topics.alerts().name(), current);

        // When a consumer still built on v1 reads it
        GenericRecord seenByOldConsumer = readWithOlderSchema(bytes, registry.getById(schemaId(bytes)), v1("Alert"));

        // Then it sees every field it knows, and nothing of countries or coordinates
        assertThat(registry.latest(subject(topics.alerts())).version()).isEqualTo(2);
        assertThat(seenByOldConsumer.getSchema().getField("countries")).isNull();
        assertThat(seenByOldConsumer.getSchema().getField("latitude")).isNull();
        assertThat(plain(seenByOldConsumer)).isEqualTo(plainWithout(current, ALERT_FIELDS_SINCE_V1));
    }

    @Test
    void shouldReadAnActionTypeNewerThanTheContractAsOther() {
        // Given a future enrich-service whose DiplomaticActionType has a symbol this contract does not know
        Schema future = new Schema.Parser()
                .parse(DiplomaticAction.getClassSchema()
                        .toString()
                        .replace("\"SUSPEND_MEMBERSHIP\",", "\"SUSPEND_MEMBERSHIP\",\"DOWNGRADE_RELATIONS\","));
        GenericRecord written = new GenericRecordBuilder(future)
                .set(
                        "action",
                        new GenericData.EnumSymbol(future.getField("action").schema(), "DOWNGRADE_RELATIONS"))
                .set("cameoCode", "161")
                .set("actor", "Ruritania")
                .set(
                        "modality",
                        new GenericData.EnumSymbol(future.getField("modality").schema(), "ASSERTED"))
                .set("trigger", "downgraded relations")
                .set(
                        "evidence",
                        new GenericRecordBuilder(future.getField("evidence").schema())
                                .set("sentence", "Ruritania downgraded relations.")
                                .set("sentenceIndex", 0)
                                .set("start", 10)
                                .set("end", 30)
                                .build())
                .build();
        byte[] bytes = oldProducer().serialize("actions", written);

        // When a consumer on the current contract reads it
        GenericRecord seen =
                readWithOlderSchema(bytes, registry.getById(schemaId(bytes)), DiplomaticAction.getClassSchema());

        // Then the unknown type arrives as the enum's default, OTHER, and the record is otherwise intact
        assertThat(seen.get("action")).hasToString(DiplomaticActionType.OTHER.name());
        assertThat(seen.get("actor")).hasToString("Ruritania");
    }

    @Test
    void shouldRefuseAnArticleGainingARequiredFieldWithoutDefault() {
        // Given the subject holds the current Article
        String subject = subject(topics.articlesRaw());
        registry.register(subject, Article.getClassSchema());
        Schema broken = SchemaEvolution.withExtraField(
                Article.getClassSchema(),
                new Schema.Field("wordCount", Schema.create(Schema.Type.INT), "Words in the text."));

        // When a schema with a new required field is registered, Then the registry refuses it as incompatible
        assertThat(registry.isCompatible(subject, broken)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, broken))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        assertThat(registry.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToProduceAnAlertWhoseFieldChangedType() {
        // Given the subject holds the current Alert
        registry.register(subject(topics.alerts()), Alert.getClassSchema());
        Schema broken =
                SchemaEvolution.withFieldType(Alert.getClassSchema(), "sources", Schema.create(Schema.Type.STRING));
        // (the registry is asked before a byte is written, so the record's values do not matter)
        GenericRecord record = new GenericData.Record(broken);

        // When a producer tries to write a record whose 'sources' became a string, Then it is refused
        assertThatThrownBy(() -> oldProducer().serialize(topics.alerts().name(), record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("incompatible");
        assertThat(registry.latest(subject(topics.alerts())).version()).isEqualTo(1);
    }

    /** A producer of GenericRecords, as a service built against another version of the contract would be. */
    private KafkaAvroSerializer oldProducer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serdeConfig, false);
        return serializer;
    }

    private static String subject(Topic<?, ?> topic) {
        return topic.name() + "-value";
    }

    private static GenericRecord v1Article() {
        return new GenericRecordBuilder(v1("Article"))
                .set("id", "bbc-2012-02-07-gcc")
                .set("url", "https://www.bbc.co.uk/news/world-middle-east-16919019")
                .set("outlet", "BBC")
                .set("title", "Gulf states expel Syrian ambassadors")
                .set("publishedAt", PUBLISHED)
                .set("ingestedAt", INGESTED)
                .set("text", "The Gulf Cooperation Council said it was expelling Syria's ambassadors.")
                .set("originalText", "The Gulf Cooperation Council said it was expelling Syria 's ambassadors .")
                .set("contentHash", "9f2c")
                .set("sourceRef", "seeds/001.txt")
                .build();
    }

    private static Article currentArticle() {
        return Article.newBuilder()
                .setId("cbc-2012-02-07-gcc")
                .setUrl(null)
                .setOutlet("CBC")
                .setTitle("Gulf states recall envoys")
                .setPublishedAt(Instant.ofEpochMilli(PUBLISHED))
                .setIngestedAt(Instant.ofEpochMilli(INGESTED))
                .setText("Gulf states recalled their envoys from Damascus.")
                .setOriginalText("Gulf states recalled their envoys from Damascus.")
                .setContentHash("41ab")
                .setSourceRef("http")
                .setNearDuplicateOf("bbc-2012-02-07-gcc")
                .build();
    }

    private static GenericRecord v1Alert() {
        Schema alert = v1("Alert");
        Schema evidence = v1("AlertEvidence");
        GenericRecord support = new GenericRecordBuilder(evidence)
                .set("articleId", "bbc-2012-02-07-gcc")
                .set("outlet", "BBC")
                .set("sentence", "The Gulf Cooperation Council said it was expelling Syria's ambassadors.")
                .set("seenAt", INGESTED)
                .build();
        return new GenericRecordBuilder(alert)
                .set("id", "dip-gcc-expel-syria-2012-02-07")
                .set(
                        "status",
                        new GenericData.EnumSymbol(alert.getField("status").schema(), "NEW"))
                .set("type", new GenericData.EnumSymbol(alert.getField("type").schema(), "DIPLOMATIC_ACTION"))
                .set("action", "EXPEL_DIPLOMATS")
                .set("cameoCode", "1652")
                .set("actor", "Gulf Cooperation Council")
                .set("actorMembers", List.of("Saudi Arabia", "Qatar"))
                .set("target", "Syria")
                .set("eventDate", Math.toIntExact(LocalDate.of(2012, 2, 7).toEpochDay()))
                .set("headline", "Gulf Cooperation Council expels Syria's diplomats")
                .set(
                        "severity",
                        new GenericData.EnumSymbol(alert.getField("severity").schema(), "HIGH"))
                .set("sources", 1)
                .set("outlets", List.of("BBC"))
                .set("evidence", List.of(support))
                .set("firstSeen", INGESTED)
                .set("lastUpdated", INGESTED)
                .build();
    }

    private static Alert currentAlert() {
        return Alert.newBuilder()
                .setId("casualty-homs-2012-02-07")
                .setStatus(AlertStatus.UPDATE)
                .setType(AlertType.CASUALTY_SPIKE)
                .setPlace("Homs")
                .setCount(50)
                .setCountLow(30)
                .setCountHigh(107)
                .setBaseline(4.5)
                .setEventDate(LocalDate.of(2012, 2, 7))
                .setHeadline("At least 50 killed in Homs")
                .setSeverity(Severity.CRITICAL)
                .setSources(2)
                .setOutlets(List.of("BBC", "CBC"))
                .setEvidence(List.of(AlertEvidence.newBuilder()
                        .setArticleId("cbc-2012-02-07-gcc")
                        .setOutlet("CBC")
                        .setSentence("Activists said at least 50 people were killed in Homs.")
                        .setAttributedTo("activists")
                        .setCount(50)
                        .setSeenAt(Instant.ofEpochMilli(INGESTED))
                        .build()))
                .setFirstSeen(Instant.ofEpochMilli(INGESTED))
                .setLastUpdated(Instant.ofEpochMilli(INGESTED + 60_000))
                .setRevision(1)
                .build();
    }
}
