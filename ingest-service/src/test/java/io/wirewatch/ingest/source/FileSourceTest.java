package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    /** Collects what a source delivers. */
    static final class Collected implements ArticleHandler {
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
    }

    @TempDir
    Path dir;

    private final FileSource source = new FileSource(1024);

    private Collected read(Path path) {
        Collected collected = new Collected();
        source.read(path, collected);
        return collected;
    }

    @Test
    void shouldGiveEachSeedItsManifestMetadata() {
        Collected collected = new Collected();
        new FileSource(2 * 1024 * 1024).read(Seeds.DIRECTORY, collected);

        assertThat(collected.rejections).isEmpty();
        assertThat(collected.articles).hasSize(3);
        RawArticle globe = collected.articles.get(2);
        assertThat(globe.outlet()).isEqualTo("The Globe and Mail");
        assertThat(globe.title())
                .as("the manifest's title, not the first line 'Skip to main content'")
                .isEqualTo("Russia wins Assad pledge as West and Arabs isolate Syria");
        assertThat(globe.url())
                .isEqualTo("https://www.theglobeandmail.com/news/world/"
                        + "russia-wins-assad-pledge-as-west-and-arabs-isolate-syria/article4171041/");
        assertThat(globe.publishedAt()).isEqualTo(Instant.parse("2012-02-07T19:05:00Z"));
        assertThat(globe.text()).isEqualTo(Seeds.read("002_7716cf6ab2c65437.txt"));
        assertThat(globe.sourceRef()).endsWith("002_7716cf6ab2c65437.txt");
    }

    @Test
    void shouldApplyTheManifestWhenASingleFileIsNamed() {
        Collected collected = new Collected();
        new FileSource(2 * 1024 * 1024).read(Seeds.DIRECTORY.resolve("001_0214231277631587.txt"), collected);

        assertThat(collected.articles).singleElement().satisfies(article -> {
            assertThat(article.outlet()).isEqualTo("CBC");
            assertThat(article.title()).isEqualTo("Gulf states pull ambassadors from Syria");
        });
    }

    @Test
    void shouldTakeAHeadlineLikeFirstLineAsTitleOfPlainText() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Assad forces shell Homs\n\nActivists said 15 were killed.\n");
        Files.writeString(dir.resolve("b.txt"), "Activists said 15 were killed on Tuesday.\nMore later.\n");

        Collected collected = read(dir);

        assertThat(collected.articles).extracting(RawArticle::title).containsExactly("Assad forces shell Homs", null);
        assertThat(collected.articles.get(0).outlet()).isNull();
    }

    @Test
    void shouldLetAJsonFilesOwnFieldsWinOverItsManifestEntry() throws IOException {
        Files.writeString(dir.resolve("one.json"), "{\"title\":\"Own title\",\"text\":\"Body.\"}");
        Files.writeString(
                dir.resolve(Manifest.FILE_NAME),
                "{\"articles\":[{\"file\":\"one.json\",\"outlet\":\"AFP\"," + "\"title\":\"Manifest title\"}]}");

        Collected collected = read(dir);

        assertThat(collected.articles).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Own title");
            assertThat(article.outlet()).isEqualTo("AFP");
        });
    }

    @Test
    void shouldDeadLetterOneBadJsonlLineAndPublishTheOthers() throws IOException {
        Files.writeString(dir.resolve("feed.jsonl"), """
                {"id":"1","text":"first"}
                {"id":"2","text":

                {"id":"3","text":"third"}
                """);

        Collected collected = read(dir);

        assertThat(collected.articles).extracting(RawArticle::explicitId).containsExactly("1", "3");
        assertThat(collected.articles.get(1).sourceRef()).endsWith("feed.jsonl:4");
        assertThat(collected.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.sourceRef()).endsWith("feed.jsonl:2");
            assertThat(rejection.reason()).startsWith("malformed JSON");
            assertThat(new String(rejection.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"2\",\"text\":");
        });
    }

    @Test
    void shouldRejectAFileOverTheLimitKeepingOnlyItsHead() throws IOException {
        byte[] big = "z".repeat(5000).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("big.txt"), big);

        Collected collected = read(dir);

        assertThat(collected.articles).isEmpty();
        assertThat(collected.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo("too large: 5000 bytes, the limit is 1024 bytes");
            assertThat(rejection.payload()).hasSize(1024);
            assertThat(rejection.payloadSize()).isEqualTo(5000);
        });
    }

    @Test
    void shouldRejectBinaryEmptyAndNonUtf8FilesAndReadTheRest() throws IOException {
        Files.write(dir.resolve("a-binary.txt"), new byte[] {1, 2, 0, 4});
        Files.write(dir.resolve("b-empty.txt"), new byte[0]);
        Files.write(dir.resolve("c-latin1.txt"), "Caf\u00e9 society".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("d-good.txt"), "Ten people were killed.");
        Files.writeString(dir.resolve("e-bad.json"), "{not json");

        Collected collected = read(dir);

        assertThat(collected.articles).extracting(RawArticle::text).containsExactly("Ten people were killed.");
        assertThat(collected.rejections)
                .extracting(Rejection::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("binary content"),
                        reason -> assertThat(reason).isEqualTo("empty input"),
                        reason -> assertThat(reason).startsWith("not valid UTF-8"),
                        reason -> assertThat(reason).startsWith("malformed JSON"));
        assertThat(collected.rejections.get(0).payload()).containsExactly(1, 2, 0, 4);
    }

    @Test
    void shouldSkipUnknownAndHiddenFilesInADirectoryButRejectOneNamedExplicitly() throws IOException {
        Files.writeString(dir.resolve("notes.md"), "# notes");
        Files.writeString(dir.resolve(".hidden.txt"), "hidden text");

        assertThat(read(dir).rejections).isEmpty();
        assertThat(read(dir).articles).isEmpty();
        assertThat(read(dir.resolve("notes.md")).rejections)
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.reason()).startsWith("unsupported file type"));
        assertThat(read(dir.resolve("missing.txt")).rejections)
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.reason()).isEqualTo("no such file or directory"));
    }

    @Test
    void shouldDeadLetterABadManifestAndStillReadTheFiles() throws IOException {
        Files.writeString(
                dir.resolve(Manifest.FILE_NAME), "{\"articles\": [{\"file\": \"a.txt\", \"published_at\": \"soon\"}]}");
        Files.writeString(dir.resolve("a.txt"), "Ten people were killed.");

        Collected collected = read(dir);

        assertThat(collected.articles)
                .singleElement()
                .satisfies(article -> assertThat(article.publishedAt()).isNull());
        assertThat(collected.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.sourceRef()).endsWith(Manifest.FILE_NAME);
            assertThat(rejection.reason()).contains("bad manifest").contains("articles[0].published_at");
        });
    }
}
