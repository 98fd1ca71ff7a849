package io.wirewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.Topics;
import io.wirewatch.serde.InMemorySchemaRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the publisher does when the broker never acknowledges an article. */
class ArticlePublisherTest {

    private final String scope = "publisher-test-" + UUID.randomUUID();
    private final Topics topics = Topics.create(Map.of("schema.registry.url", "mock://" + scope));
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final ArticlePublisher publisher = new ArticlePublisher(producer, topics);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldForgetAnArticleTheBrokerNeverAcknowledgedSoThatIngestingItAgainPublishesIt() {
        // Given an article marked as seen when it was handed to the producer
        SeenArticles seen = new SeenArticles();
        List<String> failed = new ArrayList<>();
        publisher.onArticleFailed(article -> {
            failed.add(article.getId());
            seen.forget(article.getId(), article.getContentHash());
        });
        Article article = article("a-1", "hash-1");
        assertThat(seen.markIfNew("a-1", "hash-1")).isTrue();

        // When its send fails for good (delivery timeout)
        publisher.publish(article);
        producer.errorNext(new TimeoutException("delivery.timeout.ms expired"));

        // Then it is counted, reported to the listener and no longer a duplicate
        assertThat(publisher.failedSends()).isEqualTo(1);
        assertThat(failed).containsExactly("a-1");
        assertThat(seen.contains("a-1", "hash-1")).isFalse();
        assertThat(seen.markIfNew("a-1", "hash-1")).isTrue();
    }

    @Test
    void shouldKeepAnAcknowledgedArticleSeen() {
        SeenArticles seen = new SeenArticles();
        publisher.onArticleFailed(article -> seen.forget(article.getId(), article.getContentHash()));
        seen.markIfNew("a-2", "hash-2");

        publisher.publish(article("a-2", "hash-2"));
        producer.completeNext();

        assertThat(publisher.failedSends()).isZero();
        assertThat(seen.contains("a-2", "hash-2")).isTrue();
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a-2");
            assertThat(record.topic()).isEqualTo(topics.articlesRaw().name());
            assertThat(record.timestamp())
                    .isEqualTo(Instant.parse("2012-02-07T10:15:00Z").toEpochMilli());
        });
    }

    private static Article article(String id, String hash) {
        return Article.newBuilder()
                .setId(id)
                .setText("Text of " + id)
                .setOriginalText("Text of " + id)
                .setContentHash(hash)
                .setSourceRef("test")
                .setPublishedAt(Instant.parse("2012-02-07T10:15:00Z"))
                .setIngestedAt(Instant.parse("2026-11-26T00:00:00Z"))
                .build();
    }
}
