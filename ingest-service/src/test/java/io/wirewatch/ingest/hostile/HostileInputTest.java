package io.wirewatch.ingest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.IngestPipeline;
import io.wirewatch.ingest.RecordingOutput;
import io.wirewatch.ingest.http.RequestBody;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.source.ArticleHandler;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.ingest.source.InputRejectedException;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.schema.DeadLetter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile files through the real file reader and pipeline (output recorded in memory instead of Kafka): 50 MB
 * articles, JSON nested 100,000 deep, invalid UTF-8, 100,000-line files, NUL bytes, a poisoned manifest. Each bad input
 * is one dead letter with a reason, and what is good around it still gets through.
 */
class HostileInputTest {

    /** The service's default article limit ({@code INGEST_MAX_ARTICLE_BYTES}). */
    private static final int LIMIT = 2 * 1024 * 1024;

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    @TempDir
    Path directory;

    private final RecordingOutput output = new RecordingOutput();
    private final IngestPipeline pipeline = new IngestPipeline(
            output, new SeenArticles(), new NearDuplicateIndex(0.8, 10_000), Clock.systemUTC(), LIMIT);
    private final FileSource files = new FileSource(LIMIT);

    /** What the service does with each article and rejection a source delivers. */
    private final ArticleHandler toPipeline = new ArticleHandler() {
        @Override
        public void article(RawArticle article) {
            pipeline.ingest(article);
        }

        @Override
        public void rejected(Rejection rejection) {
            pipeline.reject(rejection);
        }
    };

    /** Writes {@code head}, then {@code fill} until the file has {@code size} bytes less {@code tail}, then the tail. */
    private Path writeLargeFile(String name, String head, char fill, String tail, long size) throws IOException {
        Path file = directory.resolve(name);
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) fill);
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(headBytes);
            long remaining = size - headBytes.length - tailBytes.length;
            while (remaining > 0) {
                int n = (int) Math.min(chunk.length, remaining);
                out.write(chunk, 0, n);
                remaining -= n;
            }
            out.write(tailBytes);
        }
        assertThat(Files.size(file)).isEqualTo(size);
        return file;
    }

    private void assertOneTooLargeDeadLetterCutToTheLimit(long wholeSize) {
        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason())
                    .startsWith("too large: " + wholeSize + " bytes")
                    .contains("the limit is " + LIMIT);
            assertThat(letter.getPayloadSize()).isEqualTo(wholeSize);
            assertThat(letter.getPayload().remaining()).isEqualTo(LIMIT);
            assertThat(letter.getTruncated()).isTrue();
        });
    }

    @Test
    void shouldRejectAFiftyMegabyteTextFileAsTooLargeKeepingOnlyTheLimit() throws IOException {
        // Given a 50 MB plain-text "article"
        Path file = writeLargeFile("huge.txt", "Headline\n", 'x', "\n", FIFTY_MEGABYTES);

        // When it is read
        files.read(file, toPipeline);

        // Then it is one dead letter holding the first 2 MiB, and saying how large the whole was
        assertOneTooLargeDeadLetterCutToTheLimit(FIFTY_MEGABYTES);
    }

    @Test
    void shouldRejectAJsonArticleWithAFiftyMegabyteTextFieldAsTooLarge() throws IOException {
        Path file = writeLargeFile("huge.json", "{\"id\":\"big\",\"text\":\"", 'x', "\"}", FIFTY_MEGABYTES);

        files.read(file, toPipeline);

        assertOneTooLargeDeadLetterCutToTheLimit(FIFTY_MEGABYTES);
    }

    @Test
    void shouldRejectAFiftyMegabyteJsonLineAndStillPublishTheLinesAroundIt() throws IOException {
        // Given a JSONL file whose middle line is a 50 MB article
        Path file = directory.resolve("huge.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("{\"id\":\"before\",\"text\":\"Gulf states expel Syrian envoys.\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\":\"big\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"id\":\"after\",\"text\":\"Russia vetoes the resolution.\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }

        files.read(file, toPipeline);

        // Then the lines before and after are published, and the huge one is one dead letter cut to the limit
        assertThat(output.articles).extracting(article -> article.getId()).containsExactly("before", "after");
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getSource()).isEqualTo(file + ":2");
            assertThat(letter.getReason()).startsWith("too large: ");
            assertThat(letter.getPayloadSize()).isGreaterThan(FIFTY_MEGABYTES);
            assertThat(letter.getPayload().remaining()).isEqualTo(LIMIT);
            assertThat(letter.getTruncated()).isTrue();
        });
    }

    static Stream<Arguments> deeplyNestedJson() {
        int depth = 100_000;
        return Stream.of(
                Arguments.of("arrays", "[".repeat(depth) + "]".repeat(depth)),
                Arguments.of("objects", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arguments.of(
                        "inside an article",
                        "{\"text\":\"x\",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNestedJson")
    void shouldRejectJsonNestedOneHundredThousandDeepNamingTheDepthLimit(String shape, String json) throws Exception {
        // Given the same document as a .json file, a JSONL line and an HTTP body
        Path jsonFile = Files.writeString(directory.resolve("deep.json"), json);
        Path jsonlFile = Files.writeString(directory.resolve("deep.jsonl"), json + "\n");

        // When each is read (a recursive parser would die of StackOverflowError here)
        files.read(jsonFile, toPipeline);
        files.read(jsonlFile, toPipeline);
        ThrowableAssert.ThrowingCallable httpBody =
                () -> new RequestBody(LIMIT).parse(json.getBytes(StandardCharsets.UTF_8), "application/json", "http");

        // Then each is rejected for its depth, naming the limit
        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters)
                .hasSize(2)
                .allSatisfy(letter -> assertThat(letter.getReason())
                        .startsWith("JSON exceeds a parser limit")
                        .contains("nesting depth")
                        .contains("32"));
        org.assertj.core.api.Assertions.assertThatThrownBy(httpBody)
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void shouldRejectAManifestNestedOneHundredThousandDeepAndReadTheFilesWithoutIt() throws IOException {
        int depth = 100_000;
        Files.writeString(
                directory.resolve("manifest.json"), "{\"articles\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        Files.writeString(directory.resolve("a.txt"), "Gulf states expel Syrian envoys\nThe GCC acted on Tuesday.\n");

        files.read(directory, toPipeline);

        assertThat(output.articles)
                .singleElement()
                .satisfies(article -> assertThat(article.getTitle()).isEqualTo("Gulf states expel Syrian envoys"));
        assertThat(output.deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getReason())
                        .startsWith("bad manifest: malformed manifest JSON")
                        .contains("nesting depth"));
    }

    @Test
    void shouldRejectAManifestEntryWhoseFileNameHoldsANulAndStillPublishTheFiles() throws IOException {
        Files.writeString(
                directory.resolve("manifest.json"), "{\"articles\":[{\"file\":\"a\\u0000.txt\",\"outlet\":\"BBC\"}]}");
        Files.writeString(directory.resolve("a.txt"), "Gulf states expel Syrian envoys\nThe GCC acted on Tuesday.\n");

        files.read(directory, toPipeline);

        assertThat(output.articles).hasSize(1);
        assertThat(output.deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getReason())
                        .startsWith("bad manifest: manifest entry 0: 'file' is not a valid path"));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("overlong encoding of '/'", "C0AF"),
                Arguments.of("overlong three-byte NUL", "E08080"),
                Arguments.of("lone continuation byte", "80"),
                Arguments.of("high surrogate encoded in UTF-8", "EDA080"),
                Arguments.of("low surrogate encoded in UTF-8", "EDB080"),
                Arguments.of("code point above U+10FFFF", "F4908080"),
                Arguments.of("byte that never occurs in UTF-8", "FF"),
                Arguments.of("sequence cut short at the end", "E282"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void shouldRejectInvalidUtf8NamingTheByteOffset(String what, String hex) throws IOException {
        // Given 12 bytes of good text, then the bad sequence, in a .txt file and in a JSONL line
        byte[] good = "Syria talks ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] text = concat(good, bad, " end\n".getBytes(StandardCharsets.UTF_8));
        if (hex.equals("E282")) {
            text = concat(good, bad); // truly at the end
        }
        Path txt = Files.write(directory.resolve("bad.txt"), text);
        byte[] jsonPrefix = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
        Path jsonl = Files.write(
                directory.resolve("bad.jsonl"),
                concat(jsonPrefix, good, bad, "\"}\n".getBytes(StandardCharsets.UTF_8)));

        files.read(txt, toPipeline);
        files.read(jsonl, toPipeline);

        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters)
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        "not valid UTF-8: malformed byte sequence at offset " + good.length,
                        "not valid UTF-8: malformed byte sequence at offset " + (jsonPrefix.length + good.length));
    }

    @Test
    void shouldRejectNulBytesAsBinaryNamingTheOffset() throws IOException {
        Path file = Files.write(
                directory.resolve("nul.txt"),
                concat("Gulf states".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 1}));

        files.read(file, toPipeline);

        assertThat(output.articles).isEmpty();
        assertThat(output.deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.getReason()).isEqualTo("binary content: NUL byte at offset 11"));
    }

    @Test
    void shouldPublishEveryGoodLineOfAHundredThousandLineJsonlFileAndDeadLetterEachBadOne() throws IOException {
        // Given 100,000 JSONL lines of distinct articles, one in a thousand spoiled in one of four ways
        Path file = directory.resolve("wire.jsonl");
        String[] vocabulary = new Random(7)
                .ints(2_000, 0, Integer.MAX_VALUE)
                .mapToObj(n -> Integer.toString(n, 36))
                .toArray(String[]::new);
        Random random = new Random(42);
        int lines = 100_000;
        int bad = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int line = 1; line <= lines; line++) {
                StringBuilder text = new StringBuilder("Dispatch ").append(line);
                for (int w = 0; w < 12; w++) {
                    text.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
                }
                byte[] bytes = switch (line % 1000 == 0 ? (line / 1000) % 4 : -1) {
                    case 0 -> ("{\"text\":\"" + text + "\"").getBytes(StandardCharsets.UTF_8); // unclosed object
                    case 1 -> ("{\"title\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8); // no text
                    case 2 ->
                        concat(
                                ("{\"text\":\"" + text).getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xC0, (byte) 0xAF, '"', '}'}); // invalid UTF-8
                    case 3 ->
                        concat(
                                ("{\"text\":\"" + text).getBytes(StandardCharsets.UTF_8),
                                new byte[] {0, '"', '}'}); // NUL byte
                    default -> ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
                };
                if (line % 1000 == 0) {
                    bad++;
                }
                out.write(bytes);
                out.write('\n');
            }
        }

        // When the file is read
        long started = System.nanoTime();
        files.read(file, toPipeline);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // Then every good line is an article and every bad line exactly one dead letter naming its line
        assertThat(output.articles).hasSize(lines - bad);
        assertThat(output.deadLetters).hasSize(bad);
        assertThat(output.deadLetters)
                .extracting(DeadLetter::getSource)
                .allSatisfy(ref -> assertThat(ref).matches(".*wire\\.jsonl:\\d+000"));
        assertThat(output.deadLetters)
                .extracting(DeadLetter::getReason)
                .anySatisfy(r -> assertThat(r).startsWith("malformed JSON"))
                .anySatisfy(r -> assertThat(r).startsWith("missing text"))
                .anySatisfy(r -> assertThat(r).startsWith("not valid UTF-8"))
                .anySatisfy(r -> assertThat(r).startsWith("binary content: NUL byte"));
        System.out.printf("HOSTILE JSONL: %,d lines (%,d bad) read and ingested in %,d ms%n", lines, bad, millis);
    }

    @Test
    void shouldPublishAHundredThousandLineTextFileWithinTheLimitAsOneArticle() throws IOException {
        // Given a 1.5 MB plain-text article of 100,000 short lines
        Path file = directory.resolve("long.txt");
        StringBuilder text = new StringBuilder("Syria crisis timeline\n");
        for (int line = 2; line <= 100_000; line++) {
            text.append("Entry ").append(line).append(" noted.\n");
        }
        Files.writeString(file, text);
        assertThat(Files.size(file)).isLessThan(LIMIT);

        files.read(file, toPipeline);

        assertThat(output.deadLetters).isEmpty();
        assertThat(output.articles).singleElement().satisfies(article -> {
            assertThat(article.getTitle()).isEqualTo("Syria crisis timeline");
            assertThat(article.getText().lines().count()).isEqualTo(100_000);
            assertThat(article.getText()).endsWith("Entry 100000 noted.");
        });
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, at, part.length);
            at += part.length;
        }
        return result;
    }
}
