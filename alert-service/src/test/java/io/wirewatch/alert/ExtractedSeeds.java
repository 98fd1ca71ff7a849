package io.wirewatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.enrich.ArticleEnricher;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.ingest.text.TextNormaliser;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.EnrichedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds as the pipeline really sees them: read with their manifest metadata, normalised by ingest's normaliser and
 * enriched by the real extractor, in publication order (000 BBC, 001 CBC, 002 The Globe and Mail).
 */
final class ExtractedSeeds {

    static final Path SEEDS = Path.of("../seeds");

    private ExtractedSeeds() {}

    /** The three seeds enriched, in publication order; ingestedAt is the publication time. */
    static List<EnrichedArticle> enriched() {
        try {
            JsonNode manifest =
                    new ObjectMapper().readTree(SEEDS.resolve("manifest.json").toFile());
            ArticleEnricher enricher = new ArticleEnricher(new ArticleExtractor());
            List<EnrichedArticle> out = new ArrayList<>();
            for (JsonNode entry : manifest.path("articles")) {
                String raw = Files.readString(SEEDS.resolve(entry.path("file").asText()), StandardCharsets.UTF_8);
                String text = TextNormaliser.normalise(raw);
                Article article = Article.newBuilder()
                        .setId(entry.path("file").asText().replace(".txt", ""))
                        .setUrl(entry.path("url").asText())
                        .setOutlet(entry.path("outlet").asText())
                        .setTitle(entry.path("title").asText())
                        .setPublishedAt(Instant.parse(entry.path("published_at").asText()))
                        .setIngestedAt(Instant.parse(entry.path("published_at").asText()))
                        .setText(text)
                        .setOriginalText(raw)
                        .setContentHash(Integer.toHexString(text.hashCode()))
                        .setSourceRef(entry.path("file").asText())
                        .build();
                out.add(enricher.enrich(article));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seeds in " + SEEDS.toAbsolutePath(), e);
        }
    }
}
