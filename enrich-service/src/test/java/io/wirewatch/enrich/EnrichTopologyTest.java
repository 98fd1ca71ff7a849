package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.alert.rules.Shares;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.enrich.extract.Extraction;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.platform.streams.UpstreamProgressHeader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AlertStatus;
import io.wirewatch.schema.AlertType;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The enrich topology in TopologyTestDriver with an in-memory schema registry. */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2012-02-07T21:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2012-02-07T10:15:00Z");
    private static final String TEXT = "Gulf Arab states say they are expelling Syrian ambassadors.";

    private final String registryScope = "enrich-topology-test-" + UUID.randomUUID();
    private final EnrichConfig config = EnrichConfig.defaults(
                    ClusterConfig.of("unused:9092", "mock://" + registryScope))
            .withApplicationId("enrich-topology-test");
    private final Topics topics = config.topics();
    /** Loading its gazetteers takes a while; it is thread-safe and stateless between calls, so tests share one. */
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, EnrichedArticle> diplomaticShares;
    private TestOutputTopic<String, EnrichedArticle> casualtyShares;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldEnrichArticleUnderItsIdWithEventTimeAndCopiedMetadata() {
        // Given the topology with the real extractor
        start(EXTRACTOR::extract, config);
        Article article = TestArticles.article("a-1", TEXT, PUBLISHED);

        // When the article arrives with its publication time as the record time
        articles.pipeInput(new TestRecord<>("a-1", article, PUBLISHED));

        // Then one enriched article comes out under the same key and event time
        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(out.key()).isEqualTo("a-1");
        assertThat(out.getRecordTime()).isEqualTo(PUBLISHED);
        EnrichedArticle value = out.value();
        assertThat(value.getArticleId()).isEqualTo("a-1");
        assertThat(value.getUrl()).isEqualTo(article.getUrl());
        assertThat(value.getOutlet()).isEqualTo(article.getOutlet());
        assertThat(value.getTitle()).isEqualTo(article.getTitle());
        assertThat(value.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(value.getIngestedAt()).isEqualTo(TestArticles.INGESTED_AT);
        assertThat(value.getEnrichedAt()).isEqualTo(NOW);
        assertThat(value.getExtractorVersion()).isEqualTo(ArticleExtractor.VERSION);

        // And the lists are the extractor's findings for the article's text
        Extraction expected = EXTRACTOR.extract(TEXT, PUBLISHED, article.getOutlet());
        assertThat(value.getEntities()).isEqualTo(expected.entities());
        assertThat(value.getClaims()).isEqualTo(expected.claims());
        assertThat(value.getDiplomaticActions()).isEqualTo(expected.diplomaticActions());
        assertThat(value.getCasualtyFigures()).isEqualTo(expected.casualtyFigures());
    }

    @Test
    void shouldCarryWhatTheExtractorFinds() {
        // Given an extractor that reports one fixed casualty figure, proving the lists are taken from the extraction
        Extraction found =
                new Extraction(List.of(), List.of(), List.of(), List.of(CasualtyFixtures.ninetyFiveKilledInHoms()));
        start((text, publishedAt, outlet, language) -> found, config);

        // When an article arrives
        articles.pipeInput("a-2", TestArticles.article("a-2", TEXT, PUBLISHED), PUBLISHED);

        // Then its enriched record carries that figure
        assertThat(enriched.readValue().getCasualtyFigures())
                .containsExactly(CasualtyFixtures.ninetyFiveKilledInHoms());
    }

    @Test
    void shouldKeyOutputByArticleIdEvenWhenInputKeyDiffers() {
        // Given an article whose record key is not its id
        start(EXTRACTOR::extract, config);

        // When it arrives
        articles.pipeInput("some-other-key", TestArticles.article("a-3", TEXT, PUBLISHED), PUBLISHED);

        // Then the output is keyed by the article id
        assertThat(enriched.readRecord().key()).isEqualTo("a-3");
    }

    @Test
    void shouldDeadLetterNonAvroBytesAndEnrichTheNextArticle() {
        // Given plain text written on articles.raw, then a good article
        start(EXTRACTOR::extract, config);
        byte[] junk = "this is not avro".getBytes(StandardCharsets.UTF_8);
        rawBytes.pipeInput("junk", junk);
        articles.pipeInput("a-4", TestArticles.article("a-4", TEXT, PUBLISHED), PUBLISHED);

        // Then the junk is one dead letter naming its origin, and the good article is enriched
        DeadLetter letter = singleDeadLetter();
        assertDeadLetterOf(letter, 0L, junk);
        assertThat(letter.getReason()).contains("not in the Confluent Avro wire format");
        assertThat(toArray(letter.getKey())).isEqualTo("junk".getBytes(StandardCharsets.UTF_8));
        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly("a-4");
    }

    @Test
    void shouldDeadLetterUnknownSchemaIdAndEnrichTheNextArticle() {
        // Given bytes in the wire format that name a schema id the registry does not have
        start(EXTRACTOR::extract, config);
        byte[] unknownId =
                ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(7).array();
        rawBytes.pipeInput("ghost", unknownId);
        articles.pipeInput("a-5", TestArticles.article("a-5", TEXT, PUBLISHED), PUBLISHED);

        // Then it is a dead letter, and the good article is enriched
        DeadLetter letter = singleDeadLetter();
        assertDeadLetterOf(letter, 0L, unknownId);
        assertThat(letter.getReason()).contains("4242");
        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly("a-5");
    }

    @Test
    void shouldDeadLetterRecordOfAnotherTypeAndEnrichTheNextArticle() {
        // Given a valid Avro Alert (registered for the alerts topic) written on articles.raw by mistake
        start(EXTRACTOR::extract, config);
        byte[] alertBytes = topics.alerts()
                .valueSerde()
                .serializer()
                .serialize(topics.alerts().name(), alert());
        articles.pipeInput("a-6", TestArticles.article("a-6", TEXT, PUBLISHED), PUBLISHED);
        rawBytes.pipeInput("alert-1", alertBytes);
        articles.pipeInput("a-7", TestArticles.article("a-7", TEXT, PUBLISHED), PUBLISHED);

        // Then the alert is a dead letter at offset 1, and both articles are enriched
        DeadLetter letter = singleDeadLetter();
        assertDeadLetterOf(letter, 1L, alertBytes);
        assertThat(letter.getReason()).contains(Alert.class.getName()).contains(Article.class.getName());
        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly("a-6", "a-7");
    }

    @Test
    void shouldDeadLetterNullValueAndEnrichTheNextArticle() {
        // Given a tombstone on articles.raw
        start(EXTRACTOR::extract, config);
        rawBytes.pipeInput("deleted", (byte[]) null);
        articles.pipeInput("a-8", TestArticles.article("a-8", TEXT, PUBLISHED), PUBLISHED);

        // Then it is a dead letter with an empty payload
        DeadLetter letter = singleDeadLetter();
        assertDeadLetterOf(letter, 0L, new byte[0]);
        assertThat(letter.getReason()).contains("no value");
        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly("a-8");
    }

    @Test
    void shouldDeadLetterArticleWhoseExtractionThrowsAndGoOn() {
        // Given an extractor that fails on one particular text
        start(
                (text, publishedAt, outlet, language) -> {
                    if (text.contains("poison")) {
                        throw new IllegalStateException("gazetteer blew up on 'poison'");
                    }
                    return EXTRACTOR.extract(text, publishedAt, outlet);
                },
                config);
        Article poison = TestArticles.article("a-9", "A poison article.", PUBLISHED);
        byte[] poisonBytes = topics.articlesRaw()
                .valueSerde()
                .serializer()
                .serialize(topics.articlesRaw().name(), poison);

        // When that article and then a normal one arrive
        rawBytes.pipeInput("a-9", poisonBytes);
        articles.pipeInput("a-10", TestArticles.article("a-10", TEXT, PUBLISHED), PUBLISHED);

        // Then the first is a dead letter with the extractor's reason and the article's bytes; the second is enriched
        DeadLetter letter = singleDeadLetter();
        assertDeadLetterOf(letter, 0L, poisonBytes);
        assertThat(letter.getReason()).contains("gazetteer blew up on 'poison'");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(enriched.readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly("a-10");
    }

    @Test
    void shouldCutDeadLetterPayloadToTheConfiguredLimit() {
        // Given a limit of 8 bytes and 100 bytes of junk
        start(EXTRACTOR::extract, config.withDeadLetterMaxBytes(8));
        byte[] junk = "x".repeat(100).getBytes(StandardCharsets.UTF_8);

        // When the junk arrives
        rawBytes.pipeInput("junk", junk);

        // Then the dead letter keeps the first 8 bytes and records the full size
        DeadLetter letter = singleDeadLetter();
        assertThat(toArray(letter.getPayload())).hasSize(8);
        assertThat(letter.getPayloadSize()).isEqualTo(100L);
        assertThat(letter.getTruncated()).isTrue();
    }

    @Test
    void shouldCountDeadLettersInTheGivenRegistry() {
        // Given two undecodable records and a tombstone
        start(EXTRACTOR::extract, config);
        rawBytes.pipeInput("x", new byte[] {1, 2, 3});
        rawBytes.pipeInput("y", new byte[] {4, 5, 6});
        rawBytes.pipeInput("z", (byte[]) null);

        // Then the counter says so, tagged with the service, topic and reason
        assertThat(meters.get(DeadLetterRouter.METER_NAME)
                        .tags(
                                "service",
                                EnrichTopology.SERVICE,
                                "topic",
                                topics.articlesRaw().name(),
                                "reason",
                                "undecodable")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get(DeadLetterRouter.METER_NAME)
                        .tags("service", EnrichTopology.SERVICE, "reason", "null-value")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldCutEachArticleIntoTheRulesSharesKeyedAsTheirStoresAndStampedWithItsPartitionsProgress() {
        // Given the topology with the real extractor
        start(EXTRACTOR::extract, config);

        // When an article reporting that Gulf states expel Syrian ambassadors arrives on partition 0
        articles.pipeInput(new TestRecord<>("a-1", TestArticles.article("a-1", TEXT, PUBLISHED), PUBLISHED));

        // Then articles.diplomatic-by-event carries exactly alert's rules' cut of the enriched article, keyed by event
        TestRecord<String, EnrichedArticle> enrichedRecord = enriched.readRecord();
        EnrichedArticle article = enrichedRecord.value();
        List<TestRecord<String, EnrichedArticle>> out = diplomaticShares.readRecordsToList();
        List<Shares.Share> expected = Shares.perDiplomaticEvent(article);
        assertThat(expected).isNotEmpty();
        assertThat(out.subList(0, expected.size()))
                .extracting(TestRecord::key, TestRecord::value)
                .containsExactlyElementsOf(expected.stream()
                        .map(share -> tuple(share.key(), share.article()))
                        .toList());
        // And the first article of the partition is followed by a progress marker (no value)
        assertThat(out).hasSize(expected.size() + 1);
        assertThat(out.get(expected.size()).key()).isEqualTo(UpstreamProgressHeader.MARKER_KEY);
        assertThat(out.get(expected.size()).value()).isNull();
        // And every record says: partition 0 of articles.raw, at the article's publication time, at event time
        assertThat(out).allSatisfy(record -> {
            assertThat(UpstreamProgressHeader.read(record.headers()))
                    .contains(new UpstreamProgressHeader.Progress(0, PUBLISHED.toEpochMilli()));
            assertThat(record.getRecordTime()).isEqualTo(PUBLISHED);
        });
        // And articles.enriched does not carry the header; the casualties topic, with no toll to share, only the marker
        assertThat(enrichedRecord.headers().lastHeader(UpstreamProgressHeader.HEADER))
                .isNull();
        assertThat(casualtyShares.readRecordsToList())
                .extracting(TestRecord::key)
                .containsExactly(UpstreamProgressHeader.MARKER_KEY);
    }

    @Test
    void shouldKeyCasualtySharesByPlaceAndSendAMarkerOnlyOnceAWeekOfStreamTime() {
        // Given an extractor that reports 95 killed in Homs in every article
        Extraction found =
                new Extraction(List.of(), List.of(), List.of(), List.of(CasualtyFixtures.ninetyFiveKilledInHoms()));
        start((text, publishedAt, outlet, language) -> found, config);

        // When three articles arrive: at PUBLISHED, a day later, and eight days later
        for (int day : List.of(0, 1, 8)) {
            Instant time = PUBLISHED.plus(Duration.ofDays(day));
            articles.pipeInput(new TestRecord<>("a-" + day, TestArticles.article("a-" + day, TEXT, time), time));
        }

        // Then each article's share is keyed by the place and carries its figure, and markers follow the first and
        // the third article only (a week of stream time apart)
        List<TestRecord<String, EnrichedArticle>> out = casualtyShares.readRecordsToList();
        assertThat(out)
                .extracting(TestRecord::key)
                .containsExactly(
                        "Homs", UpstreamProgressHeader.MARKER_KEY, "Homs", "Homs", UpstreamProgressHeader.MARKER_KEY);
        assertThat(out.get(0).value().getCasualtyFigures()).containsExactly(CasualtyFixtures.ninetyFiveKilledInHoms());
        assertThat(out.get(0).value().getClaims()).isEmpty();
    }

    @Test
    void shouldSendThePassThroughsOneShareAnArticleKeyedByItsIdToEachSharesTopic() {
        // Given the pass-through topology (bench e2e's measure of the shape)
        driver = new TopologyTestDriver(
                EnrichTopology.buildPassThrough(config, topics, meters), config.streamsProperties());
        createTopics();

        // When an article arrives
        articles.pipeInput(new TestRecord<>("a-1", TestArticles.article("a-1", TEXT, PUBLISHED), PUBLISHED));

        // Then each shares topic gets one share keyed by the article id, carrying its metadata, and the first marker
        for (TestOutputTopic<String, EnrichedArticle> shares : List.of(diplomaticShares, casualtyShares)) {
            List<TestRecord<String, EnrichedArticle>> out = shares.readRecordsToList();
            assertThat(out).extracting(TestRecord::key).containsExactly("a-1", UpstreamProgressHeader.MARKER_KEY);
            assertThat(out.get(0).value().getArticleId()).isEqualTo("a-1");
            assertThat(out.get(0).value().getDiplomaticActions()).isEmpty();
        }
    }

    @Test
    void shouldNameEveryProcessor() {
        // Given the topology
        TopologyDescription description =
                EnrichTopology.build(config, topics, EXTRACTOR).describe();

        // Then no node has a generated name (KSTREAM-...-0000000001)
        List<String> names = description.subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .map(TopologyDescription.Node::name)
                .toList();
        assertThat(names)
                .contains(
                        EnrichTopology.SOURCE,
                        EnrichTopology.ENRICH + "-decode",
                        EnrichTopology.SINK,
                        "diplomatic-events-of-article",
                        "diplomatic-by-event-sink",
                        "casualty-places-of-article",
                        "casualties-by-place-sink",
                        EnrichTopology.ENRICH + "-dead-letter-sink");
        assertThat(names).noneMatch(name -> name.startsWith("KSTREAM-"));
    }

    private void start(ArticleEnricher.Extractor extractor, EnrichConfig startConfig) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ArticleEnricher enricher = new ArticleEnricher(extractor, ArticleExtractor.VERSION, clock);
        driver = new TopologyTestDriver(
                EnrichTopology.build(startConfig, topics, enricher, meters, clock), startConfig.streamsProperties());
        createTopics();
    }

    private void createTopics() {
        articles = driver.createInputTopic(
                topics.articlesRaw().name(),
                new StringSerializer(),
                topics.articlesRaw().valueSerde().serializer());
        rawBytes =
                driver.createInputTopic(topics.articlesRaw().name(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(
                topics.articlesEnriched().name(),
                topics.articlesEnriched().keySerde().deserializer(),
                topics.articlesEnriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(
                topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
        diplomaticShares = driver.createOutputTopic(
                topics.diplomaticByEvent().name(),
                topics.diplomaticByEvent().keySerde().deserializer(),
                topics.diplomaticByEvent().valueSerde().deserializer());
        casualtyShares = driver.createOutputTopic(
                topics.casualtiesByPlace().name(),
                topics.casualtiesByPlace().keySerde().deserializer(),
                topics.casualtiesByPlace().valueSerde().deserializer());
    }

    private DeadLetter singleDeadLetter() {
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private void assertDeadLetterOf(DeadLetter letter, long offset, byte[] payload) {
        String topic = topics.articlesRaw().name();
        assertThat(letter.getService()).isEqualTo(EnrichTopology.SERVICE);
        assertThat(letter.getTopic()).isEqualTo(topic);
        assertThat(letter.getPartition()).isZero();
        assertThat(letter.getOffset()).isEqualTo(offset);
        assertThat(letter.getSource()).isEqualTo(topic + ":0:" + offset);
        assertThat(toArray(letter.getPayload())).isEqualTo(payload);
        assertThat(letter.getPayloadSize()).isEqualTo(payload.length);
        assertThat(letter.getTruncated()).isFalse();
        assertThat(letter.getFailedAt()).isEqualTo(NOW);
    }

    private static Alert alert() {
        return Alert.newBuilder()
                .setId("alert-1")
                .setStatus(AlertStatus.NEW)
                .setType(AlertType.DIPLOMATIC_ACTION)
                .setHeadline("Gulf states expel Syrian ambassadors")
                .setSeverity(Severity.HIGH)
                .setSources(1)
                .setEvidence(List.of())
                .setFirstSeen(NOW)
                .setLastUpdated(NOW)
                .build();
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
