package io.wirewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.streams.AlertStreams;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.EnrichedArticle;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Topic;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * alert-service reads enriched articles without the parts no rule uses (claims, entities' aliases and mentions): the
 * rest of the record must come back exactly as enrich-service wrote it.
 */
class EnrichedArticleReaderTest {

    private final String registryScope = "enriched-reader-test-" + UUID.randomUUID();
    private final Topic<String, EnrichedArticle> enriched = AlertConfig.defaults(
                    ClusterConfig.of("unused:9092", "mock://" + registryScope))
            .topics()
            .articlesEnriched();

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(registryScope);
    }

    @Test
    void shouldReadEveryFieldTheRulesUseAndLeaveClaimsAliasesAndMentionsEmpty() {
        for (EnrichedArticle article : ExtractedSeeds.enriched()) {
            // Given a seed as the real extractor enriches it, with claims and entities mentioned with aliases
            assertThat(article.getClaims()).isNotEmpty();
            assertThat(article.getEntities())
                    .isNotEmpty()
                    .allSatisfy(entity -> assertThat(entity.getMentions()).isNotEmpty());
            byte[] written = enriched.valueSerde().serializer().serialize(enriched.name(), article);

            // When alert-service reads it
            EnrichedArticle read =
                    AlertStreams.articleReader(enriched.valueSerde()).deserialize(enriched.name(), written);

            // Then it is the article without those parts, every other field (before and after them) intact
            EnrichedArticle expected = EnrichedArticle.newBuilder(article)
                    .setClaims(List.of())
                    .setEntities(article.getEntities().stream()
                            .map(entity -> Entity.newBuilder(entity)
                                    .setAliases(List.of())
                                    .setMentions(List.of())
                                    .build())
                            .toList())
                    .build();
            // (compared as Avro's JSON: the generated equals compares decoded lists with GenericData.Array's equals,
            // which uses Avro's global model and fails on the records' dates)
            assertThat(read.toString()).isEqualTo(expected.toString());
            assertThat(read.getDiplomaticActions().toString())
                    .isEqualTo(article.getDiplomaticActions().toString());
            assertThat(read.getCasualtyFigures().toString())
                    .isEqualTo(article.getCasualtyFigures().toString());
            assertThat(read.getEntities())
                    .extracting(Entity::getCountryCode)
                    .isEqualTo(article.getEntities().stream()
                            .map(Entity::getCountryCode)
                            .toList());

            // And the full reader still gives the whole record
            assertThat(enriched.valueSerde()
                            .deserializer()
                            .deserialize(enriched.name(), written)
                            .toString())
                    .isEqualTo(article.toString());
        }
    }
}
