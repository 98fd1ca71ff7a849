package io.wirewatch.ingest.publish;

import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends articles to {@code articles.raw} (key: article id; record timestamp: publication time, or ingest time when
 * unknown) and dead letters to {@code articles.dlq} (key: the input's source), both Avro in the Confluent wire format,
 * through one idempotent producer ({@code acks=all}, {@code enable.idempotence=true}, lz4). Values are serialised
 * here, not by the producer, so that one producer serves both topics and a serialisation error surfaces at the call.
 */
public final class ArticlePublisher implements IngestOutput, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    private final Producer<String, byte[]> producer;
    private final Topic<String, Article> articles;
    private final Topic<String, DeadLetter> deadLetters;
    private final Serializer<Article> articleSerializer;
    private final Serializer<DeadLetter> deadLetterSerializer;
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong pendingBytes = new AtomicLong();
    /** When the last settled send failed; 0 once one succeeds. */
    private final AtomicLong lastFailureNanos = new AtomicLong();
    private volatile Consumer<Article> onArticleFailed = article -> { };

    ArticlePublisher(Producer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.articles = topics.articlesRaw();
        this.deadLetters = topics.deadLetters();
        this.articleSerializer = articles.valueSerde().serializer();
        this.deadLetterSerializer = deadLetters.valueSerde().serializer();
    }

    /**
     * @param kafkaProperties bootstrap servers and security settings (from {@code ClusterConfig.kafkaProperties()})
     * @param clientId        the producer's client id
     */
    public static ArticlePublisher create(Map<String, Object> kafkaProperties, Topics topics, String clientId) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Articles are kilobytes each: batches of a few dozen compress well and cut requests per article.
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // An article may be up to the ingest limit (2 MiB by default) and a dead letter carries the same payload.
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // send() blocks while the buffer is full or a topic's metadata is unknown, which is what the producer's
        // metadata becomes soon after the broker goes away: a minute of that (the default) would hold an HTTP thread
        // per post. HTTP posts are refused with 503 before the buffer fills (INGEST_HTTP_MAX_PENDING_BYTES) and while
        // sends are failing (brokerFailing), so this bound is met by a probing post or a file replay.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        return new ArticlePublisher(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                topics);
    }

    /**
     * Sends the article; the future completes when the broker has acknowledged it ({@code acks=all}), or fails when it
     * never will (after {@code delivery.timeout.ms}), once the failure listener has run, so that whoever waits on it
     * can send the article again and not have it taken for a duplicate.
     */
    @Override
    public CompletableFuture<Void> publish(Article article) {
        long timestamp = article.getPublishedAt() != null ? article.getPublishedAt().toEpochMilli()
                : article.getIngestedAt().toEpochMilli();
        byte[] value = articleSerializer.serialize(articles.name(), article);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        long size = value.length;
        pendingBytes.addAndGet(size);
        try {
            producer.send(new ProducerRecord<>(articles.name(), null, timestamp, article.getId(), value),
                    (metadata, error) -> {
                        pendingBytes.addAndGet(-size);
                        lastFailureNanos.set(error == null ? 0 : System.nanoTime());
                        if (error != null) {
                            failed(article, error);
                            acknowledged.completeExceptionally(error);
                        } else {
                            acknowledged.complete(null);
                        }
                    });
        } catch (RuntimeException e) {
            // send() throws rather than calling back when the producer is closed or interrupted.
            pendingBytes.addAndGet(-size);
            lastFailureNanos.set(System.nanoTime());
            failed(article, e);
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private void failed(Article article, Exception error) {
        failedSends.incrementAndGet();
        LOG.error("Could not publish article {} from {} to {}: {}; it will be published if ingested again",
                article.getId(), article.getSourceRef(), articles.name(), error.toString());
        onArticleFailed.accept(article);
    }

    /**
     * Whether the last article to settle failed, within {@code window}: the broker is away or refusing, so a new send
     * would only wait and fail. After the window one send may try again (and so notice the broker is back).
     */
    public boolean failedWithin(Duration window) {
        long failed = lastFailureNanos.get();
        return failed != 0 && System.nanoTime() - failed < window.toNanos();
    }

    /** Bytes of articles sent and not yet acknowledged or failed: what the producer is holding for the broker. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    /** Called (on the producer's I/O thread) for each article the broker never acknowledged. */
    public void onArticleFailed(Consumer<Article> listener) {
        this.onArticleFailed = listener;
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        byte[] value = deadLetterSerializer.serialize(deadLetters.name(), deadLetter);
        producer.send(new ProducerRecord<>(deadLetters.name(), null, deadLetter.getFailedAt().toEpochMilli(),
                        deadLetter.getSource(), value),
                (metadata, error) -> {
                    if (error != null) {
                        failedSends.incrementAndGet();
                        LOG.error("Could not write dead letter for {} to {}: {}", deadLetter.getSource(),
                                deadLetters.name(), error.toString());
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /** How many sends the broker never acknowledged. */
    public long failedSends() {
        return failedSends.get();
    }

    /** Flushes everything sent, then closes the producer. */
    @Override
    public void close() {
        producer.flush();
        producer.close(Duration.ofSeconds(30));
    }
}
