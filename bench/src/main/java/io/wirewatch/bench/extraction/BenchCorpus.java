package io.wirewatch.bench.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.bench.corpus.CorpusGenerator;
import io.wirewatch.bench.corpus.GeneratedArticle;
import io.wirewatch.bench.corpus.RomanceCorpus;
import io.wirewatch.ingest.text.TextNormaliser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts both extraction benchmarks run over: the generated corpus without its exact duplicates (ingest drops
 * those before enrich sees them) plus the seed reports, every text normalised as ingest normalises it.
 */
public final class BenchCorpus {

    /** One article as the extraction library receives it. */
    public record Text(String text, Instant publishedAt, String outlet, String language) {
        public Text(String text, Instant publishedAt, String outlet) {
            this(text, publishedAt, outlet, "en");
        }
    }

    private BenchCorpus() {}

    /**
     * @param size     articles to generate (exact duplicates then left out)
     * @param seed     generator seed
     * @param seedsDir directory holding manifest.json and the seed texts; skipped when it does not exist
     */
    public static List<Text> load(int size, long seed, Path seedsDir) {
        return load(size, seed, seedsDir, "en");
    }

    /**
     * As {@link #load(int, long, Path)} in a language: English is the generated corpus and the seeds; French and
     * Spanish are {@link RomanceCorpus} articles of the same length, normalised as ingest normalises them.
     */
    public static List<Text> load(int size, long seed, Path seedsDir, String language) {
        if (!language.equals("en")) {
            return RomanceCorpus.generate(language, size, seed).stream()
                    .map(a -> new Text(
                            TextNormaliser.normalise(a.text()),
                            a.published().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
                            a.outlet(),
                            language))
                    .toList();
        }
        List<Text> texts = new ArrayList<>();
        for (GeneratedArticle article : CorpusGenerator.generate(CorpusGenerator.Settings.defaults(size, seed))) {
            if (article.kind() != GeneratedArticle.Kind.EXACT_DUPLICATE) {
                texts.add(new Text(TextNormaliser.normalise(article.text()), article.publishedAt(), article.source()));
            }
        }
        texts.addAll(seeds(seedsDir));
        return List.copyOf(texts);
    }

    /** The seed reports with their manifest's outlet and time; none when the directory is missing. */
    public static List<Text> seeds(Path seedsDir) {
        Path manifest = seedsDir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        try {
            List<Text> seeds = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(manifest.toFile()).path("articles")) {
                String raw =
                        Files.readString(seedsDir.resolve(entry.path("file").asText()), StandardCharsets.UTF_8);
                seeds.add(new Text(
                        TextNormaliser.normalise(raw),
                        Instant.parse(entry.path("published_at").asText()),
                        entry.path("outlet").asText(null)));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seeds in " + seedsDir, e);
        }
    }
}
