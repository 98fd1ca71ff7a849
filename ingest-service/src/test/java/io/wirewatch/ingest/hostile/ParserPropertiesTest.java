package io.wirewatch.ingest.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.ingest.http.RequestBody;
import io.wirewatch.ingest.source.ArticleHandler;
import io.wirewatch.ingest.source.ArticleJson;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.ingest.source.InputRejectedException;
import io.wirewatch.ingest.source.Manifest;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests of the ingest parsers on hostile bytes: the {@code .txt}, {@code .json}, {@code .jsonl} and manifest
 * readers and the HTTP body parser take random bytes, mutated valid documents and generated JSON trees, and must
 * answer with articles or documented rejections ({@link Rejection} / {@link InputRejectedException}) with a reason,
 * never with another exception.
 */
class ParserPropertiesTest {

    /** Small, so that generated input crosses the size limit too. */
    private static final int LIMIT = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Path workDirectory;

    @BeforeContainer
    static void createWorkDirectory() throws IOException {
        workDirectory = Files.createTempDirectory("wirewatch-hostile-");
    }

    @AfterContainer
    static void deleteWorkDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Collects what a source delivers. */
    private static final class Recorder implements ArticleHandler {
        final List<RawArticle> articles = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void article(RawArticle article) {
            articles.add(article);
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.add(rejection);
        }

        int outcomes() {
            return articles.size() + rejections.size();
        }
    }

    // ---- generators -------------------------------------------------------------------------------------------

    private static final String[] VALID_DOCUMENTS = {
        "{\"id\":\"a1\",\"url\":\"https://example.com/a?utm_source=x\",\"source\":\"BBC\",\"title\":\"T\","
                + "\"published_at\":\"2012-02-07T10:15:00Z\",\"text\":\"Gulf states expel Syrian envoys.\"}",
        "[{\"text\":\"One.\"},{\"text\":\"Two.\",\"publishedAt\":\"2012-02-07\"},{\"outlet\":\"AJ\",\"text\":\"x\"}]",
        "{\"text\":\"First line.\"}\n{\"text\":\"Second\",\"published_at\":\"2012-02-07T11:15:00+01:00\"}\n\n",
        "{\"articles\":[{\"file\":\"a.txt\",\"id\":\"x\",\"outlet\":\"BBC\",\"published_at\":\"2012-02-07\"}]}",
        "Syria crisis -LRB- GCC -RRB- expels envoys\n\nThe BBC 's Paul Wood , in Homs , says `` no '' .\n"
    };

    /** Bytes that break parsers: structure, quotes, escapes, NUL, overlong and surrogate UTF-8, stray bytes. */
    private static final byte[][] NASTY_INSERTS = {
        bytes("{"),
        bytes("}"),
        bytes("["),
        bytes("]"),
        bytes("\""),
        bytes("\\"),
        bytes("\\u"),
        bytes("\\uD800"),
        bytes(":"),
        bytes(","),
        bytes("\n"),
        bytes("\r\n"),
        bytes("null"),
        bytes("1e999999"),
        bytes("-"),
        bytes("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        bytes("\"text\":"),
        bytes("\\u0000"),
        {0},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {7},
        {27}
    };

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One edit of a document: where (as a share of its length), what kind, and with which bytes. */
    private record Mutation(double where, int kind, byte[] insert) {

        byte[] applyTo(byte[] input) {
            int at = (int) (where * input.length);
            byte[] result;
            switch (kind) {
                case 0 -> { // insert
                    result = new byte[input.length + insert.length];
                    System.arraycopy(input, 0, result, 0, at);
                    System.arraycopy(insert, 0, result, at, insert.length);
                    System.arraycopy(input, at, result, at + insert.length, input.length - at);
                }
                case 1 -> { // delete a few bytes
                    int end = Math.min(input.length, at + insert.length);
                    result = new byte[input.length - (end - at)];
                    System.arraycopy(input, 0, result, 0, at);
                    System.arraycopy(input, end, result, at, input.length - end);
                }
                case 2 -> { // overwrite one byte
                    result = input.clone();
                    if (at < result.length) {
                        result[at] = insert.length == 0 ? 0 : insert[0];
                    }
                }
                default -> { // truncate
                    result = java.util.Arrays.copyOf(input, at);
                }
            }
            return result;
        }
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<byte[]> insert = Arbitraries.oneOf(
                Arbitraries.of(NASTY_INSERTS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4));
        return Combinators.combine(
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 3),
                        insert)
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> mutated = Combinators.combine(
                        Arbitraries.of(VALID_DOCUMENTS),
                        mutations().list().ofMinSize(1).ofMaxSize(6))
                .as((document, edits) -> {
                    byte[] result = bytes(document);
                    for (Mutation edit : edits) {
                        result = edit.applyTo(result);
                    }
                    return result;
                });
        Arbitrary<byte[]> oversized = Arbitraries.integers()
                .between(LIMIT - 2, LIMIT + 64)
                .map(size -> bytes(("{\"text\":\"" + "x".repeat(size) + "\"}\n").repeat(2)));
        return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(6, mutated), Tuple.of(1, oversized));
    }

    /** Any JSON value, nested up to {@code depth}; strings include the article fields' names and ISO-ish dates. */
    private static Arbitrary<JsonNode> jsonTree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.of("2012-02-07T10:15:00Z", "2012-02-30", "yesterday", "", " ")
                        .map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> jsonTree(depth - 1));
        Arbitrary<String> fieldName = Arbitraries.oneOf(
                Arbitraries.of("id", "url", "source", "outlet", "title", "published_at", "publishedAt", "text"),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<JsonNode> object = Combinators.combine(fieldName, child)
                .as(Tuple::of)
                .list()
                .ofMaxSize(5)
                .map(entries -> {
                    ObjectNode node = NODES.objectNode();
                    entries.forEach(entry -> node.set(entry.get1(), entry.get2()));
                    return node;
                });
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(3, object), Tuple.of(2, array));
    }

    @Provide
    Arbitrary<JsonNode> jsonTrees() {
        // Chains of single-element arrays reach past the parser's nesting limit of 32 without huge documents.
        Arbitrary<JsonNode> deep = Combinators.combine(Arbitraries.integers().between(20, 60), jsonTree(2))
                .as((levels, core) -> {
                    JsonNode node = core;
                    for (int i = 0; i < levels; i++) {
                        node = NODES.arrayNode().add(node);
                    }
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(5, jsonTree(3)), Tuple.of(1, deep));
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void shouldReadAnyBytesInAnyFileTypeAsArticlesOrRejections(
            @ForAll("hostileBytes") byte[] input, @ForAll FileSource.FileType type) throws IOException {
        // Given a file of hostile bytes
        Path directory = Files.createDirectories(workDirectory.resolve(type.name()));
        Path file = directory.resolve("input."
                + switch (type) {
                    case TEXT -> "txt";
                    case JSON -> "json";
                    case JSONL -> "jsonl";
                });
        Files.write(file, input);
        Recorder recorder = new Recorder();

        // When it is read
        assertThatCode(() -> new FileSource(LIMIT).read(file, recorder)).doesNotThrowAnyException();

        // Then each piece of input is an article with text, or a rejection that says why and keeps at most the limit
        if (type != FileSource.FileType.JSONL) {
            assertThat(recorder.outcomes()).isPositive();
        }
        if (type == FileSource.FileType.TEXT) {
            assertThat(recorder.outcomes()).isEqualTo(1);
        }
        assertThat(recorder.articles)
                .allSatisfy(article -> assertThat(article.text()).isNotBlank());
        assertThat(recorder.rejections).allSatisfy(rejection -> {
            assertThat(rejection.reason()).isNotBlank();
            assertThat(rejection.payload().length).isLessThanOrEqualTo(LIMIT);
            assertThat(rejection.payloadSize()).isGreaterThanOrEqualTo(rejection.payload().length);
        });
    }

    @Property(tries = 300)
    void shouldReadAnyManifestOrRejectItWithAReason(@ForAll("hostileManifests") byte[] input) throws IOException {
        Path directory = Files.createDirectories(workDirectory.resolve("manifest"));
        Path file = directory.resolve(Manifest.FILE_NAME);
        Files.write(file, input);

        try {
            Manifest manifest = Manifest.read(file);
            assertThat(manifest.size()).isNotNegative();
        } catch (InputRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        Recorder recorder = new Recorder();
        assertThatCode(() -> new FileSource(LIMIT).manifestFor(directory, recorder))
                .doesNotThrowAnyException();
        assertThat(recorder.rejections)
                .allSatisfy(rejection -> assertThat(rejection.reason()).startsWith("bad manifest"));
    }

    @Provide
    Arbitrary<byte[]> hostileManifests() {
        Arbitrary<String> fileName = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("a.txt", "../../etc/passwd", "dir/b.txt", "/", "", ".", "a\u0000.txt", "c:\\x.txt"));
        // Mostly well-typed fields, so that entries get as far as their file name.
        Arbitrary<JsonNode> published = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("2012-02-07T10:15:00Z", "2012-02-07").map(NODES::textNode)),
                Tuple.of(2, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, jsonTree(1)));
        Arbitrary<byte[]> entries = Combinators.combine(
                        fileName, Arbitraries.strings().all().ofMaxLength(10), published)
                .as((file, id, publishedAt) -> {
                    ObjectNode entry = NODES.objectNode().put("file", file).put("id", id);
                    entry.set("published_at", publishedAt);
                    return entry;
                })
                .list()
                .ofMaxSize(4)
                .map(list -> {
                    ObjectNode root = NODES.objectNode();
                    root.putArray("articles").addAll(list);
                    return bytes(root.toString());
                });
        return Arbitraries.frequencyOf(
                Tuple.of(2, hostileBytes()),
                Tuple.of(2, entries),
                Tuple.of(1, jsonTrees().map(tree -> bytes(tree.toString()))));
    }

    @Property(tries = 400)
    void shouldSplitAnyHttpBodyIntoItemsOrRejectItWithAReason(
            @ForAll("hostileBytes") byte[] body, @ForAll("contentTypes") String contentType) {
        RequestBody parser = new RequestBody(LIMIT);
        try {
            List<RequestBody.Item> items = parser.parse(body, contentType, "http");
            assertThat(items).allSatisfy(item -> {
                if (item instanceof RequestBody.Invalid invalid) {
                    assertThat(invalid.reason()).isNotBlank();
                    assertThat(invalid.payload().length).isLessThanOrEqualTo(LIMIT);
                } else {
                    assertThat(((RequestBody.Accepted) item).article().text()).isNotBlank();
                }
            });
        } catch (InputRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/x-ndjson",
                "application/json; charset=UTF-8",
                "application/json; charset=latin1",
                "application/json;charset=\"utf-8\"",
                "text/json",
                "");
    }

    @Property(tries = 400)
    void shouldReadAnyJsonTreeAsArticlesOrRejections(@ForAll("jsonTrees") JsonNode tree) {
        String json = tree.toString();
        try {
            List<ArticleJson.Element> elements = new ArticleJson(LIMIT).readDocument(json, "tree.json");
            int expected = tree.isArray() ? tree.size() : 1;
            assertThat(elements).hasSize(expected);
            assertThat(elements).allSatisfy(element -> {
                if (element instanceof ArticleJson.Invalid invalid) {
                    assertThat(invalid.reason()).isNotBlank();
                }
            });
        } catch (InputRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void shouldKeepTheTextOfEveryWellFormedArticleExactly(
            @ForAll("articleTexts") String text, @ForAll("jsonTrees") JsonNode extra) throws Exception {
        // Given an article object with any (non-blank) text and an unknown field holding any JSON
        ObjectNode article = NODES.objectNode().put("text", text);
        article.set("extra", extra);

        List<ArticleJson.Element> elements;
        try {
            elements = new ArticleJson(LIMIT).readDocument(JSON.writeValueAsString(article), "a.json");
        } catch (InputRejectedException e) {
            // Only the nesting limit may spoil an article, through the unknown field.
            assertThat(e.getMessage()).contains("nesting depth");
            return;
        }

        assertThat(elements)
                .singleElement()
                .isInstanceOfSatisfying(
                        ArticleJson.Parsed.class,
                        parsed -> assertThat(parsed.article().text()).isEqualTo(text));
    }

    @Provide
    Arbitrary<String> articleTexts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300).filter(text -> !text.isBlank());
    }
}
