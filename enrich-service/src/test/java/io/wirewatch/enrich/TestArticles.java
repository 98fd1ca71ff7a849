package io.wirewatch.enrich;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wirewatch.schema.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Article fixtures for enrich-service tests: the three seed reports from {@code ../seeds} (manifest + text files) and
 * small synthetic articles.
 */
final class TestArticles {

    static final Path SEEDS = Path.of("..", "seeds");
    static final Instant INGESTED_AT = Instant.parse("2012-02-07T20:00:00Z");

    private TestArticles() {}

    /** One entry of seeds/manifest.json. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seed(
            @JsonProperty("file") String file,
            @JsonProperty("outlet") String outlet,
            @JsonProperty("url") String url,
            @JsonProperty("title") String title,
            @JsonProperty("published_at") Instant publishedAt) {

        /** The hash part of the file name, unique per seed. */
        String id() {
            return "seed-" + file.substring(file.indexOf('_') + 1, file.lastIndexOf('.'));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Manifest(@JsonProperty("articles") List<Seed> articles) {}

    static List<Seed> seeds() {
        try {
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            return mapper.readValue(SEEDS.resolve("manifest.json").toFile(), Manifest.class)
                    .articles();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + SEEDS.resolve("manifest.json").toAbsolutePath(), e);
        }
    }

    /** The seed's text as stored (seed 000 is Penn-Treebank tokenised). */
    static String rawText(Seed seed) {
        try {
            return Files.readString(SEEDS.resolve(seed.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed " + seed.file(), e);
        }
    }

    /**
     * The seed's text as ingest-service normalises it (what Article.text holds in production), from the copy kept
     * next to the gold annotations, {@code gold/texts/<file>} on the test classpath; the raw text when there is none.
     */
    static String normalisedText(Seed seed) {
        try (InputStream in = TestArticles.class.getResourceAsStream("/gold/texts/" + seed.file())) {
            return in == null ? rawText(seed) : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read normalised text of " + seed.file(), e);
        }
    }

    static Article seedArticle(Seed seed, String text) {
        return Article.newBuilder()
                .setId(seed.id())
                .setUrl(seed.url())
                .setOutlet(seed.outlet())
                .setTitle(seed.title())
                .setPublishedAt(seed.publishedAt())
                .setIngestedAt(INGESTED_AT)
                .setText(text)
                .setOriginalText(rawText(seed))
                .setContentHash(sha256(text))
                .setSourceRef(SEEDS.resolve(seed.file()).toString())
                .build();
    }

    static Article article(String id, String text, Instant publishedAt) {
        return Article.newBuilder()
                .setId(id)
                .setUrl("https://news.example/" + id)
                .setOutlet("Example News")
                .setTitle("Title of " + id)
                .setPublishedAt(publishedAt)
                .setIngestedAt(INGESTED_AT)
                .setText(text)
                .setOriginalText(text)
                .setContentHash(sha256(text))
                .setSourceRef("test")
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
