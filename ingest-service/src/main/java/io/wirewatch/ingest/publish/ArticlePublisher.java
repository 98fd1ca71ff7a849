package io.wirewatch.ingest.publish;

import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
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
 * Articles from HTTP posts ({@link #INTERACTIVE_SOURCE}) go through a second producer of the same settings but with
 * {@code max.block.ms} of {@value #INTERACTIVE_MAX_BLOCK_MS} ms: a post must have its answer in seconds when the
 * broker is away, while a file replay waits out a broker restart inside {@code send()} (Kafka's minute).
 */
public final class ArticlePublisher implements IngestOutput, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    /** {@code Article.sourceRef} of articles from HTTP posts (ingest's HTTP source). */
    public static final String INTERACTIVE_SOURCE = "http";

    static final int INTERACTIVE_MAX_BLOCK_MS = 2_000;

    private final Producer<String, byte[]> producer;
    private final Producer<String, byte[]> interactive;
    private final Topic<String, Article> articles;
    private final Topic<String, DeadLetter> deadLetters;
    private final Serializer<Article> articleSerializer;
    private final Serializer<DeadLetter> deadLetterSerializer;
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong pendingBytes = new AtomicLong();
    /** When the last settled send failed; 0 once one succeeds. */
    private final AtomicLong lastFailureNanos = new AtomicLong();

    private final AtomicLong sends = new AtomicLong();
    /** Start time of each article send not yet settled, by send number: the first entry is the oldest. */
    private final ConcurrentSkipListMap<Long, Long> pendingSince = new ConcurrentSkipListMap<>();

    private volatile Consumer<Article> onArticleFailed = article -> {};

    ArticlePublisher(Producer<String, byte[]> producer, Topics topics) {
        this(producer, producer, topics);
    }

    ArticlePublisher(Producer<String, byte[]> producer, Producer<String, byte[]> interactive, Topics topics) {
        this.producer = producer;
        this.interactive = interactive;
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
        // max.block.ms stays Kafka's minute for files: a replay rides out a broker restart inside send()
        // (BrokerRestartIT). HTTP posts use their own producer, below, and are refused at once while the broker is
        // stalled (stalledFor).
        Map<String, Object> interactiveProps = new HashMap<>(props);
        interactiveProps.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-http");
        interactiveProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, INTERACTIVE_MAX_BLOCK_MS);
        return new ArticlePublisher(
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                new KafkaProducer<>(interactiveProps, new StringSerializer(), new ByteArraySerializer()),
                topics);
    }

    /**
     * Sends the article; the future completes when the broker has acknowledged it ({@code acks=all}), or fails when it
     * never will (after {@code delivery.timeout.ms}), once the failure listener has run, so that whoever waits on it
     * can send the article again and not have it taken for a duplicate.
     */
    @Override
    public CompletableFuture<Void> publish(Article article) {
        long timestamp = article.getPublishedAt() != null
                ? article.getPublishedAt().toEpochMilli()
                : article.getIngestedAt().toEpochMilli();
        byte[] value = articleSerializer.serialize(articles.name(), article);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        long size = value.length;
        pendingBytes.addAndGet(size);
        long sequence = sends.incrementAndGet();
        pendingSince.put(sequence, System.nanoTime());
        try {
            Producer<String, byte[]> sender =
                    INTERACTIVE_SOURCE.equals(article.getSourceRef()) ? interactive : producer;
            sender.send(
                    new ProducerRecord<>(articles.name(), null, timestamp, article.getId(), value),
                    (metadata, error) -> {
                        pendingBytes.addAndGet(-size);
                        pendingSince.remove(sequence);
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
            pendingSince.remove(sequence);
            lastFailureNanos.set(System.nanoTime());
            failed(article, e);
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private void failed(Article article, Exception error) {
        failedSends.incrementAndGet();
        LOG.error(
                "Could not publish article {} from {} to {}: {}; it will be published if ingested again",
                article.getId(),
                article.getSourceRef(),
                articles.name(),
                error.toString());
        onArticleFailed.accept(article);
    }

    /**
     * Whether the broker looks away or stalled: an article has waited for its acknowledgement longer than
     * {@code window}, or the last one to settle failed less than {@code window} ago. A new send would then only wait
     * (up to {@code max.block.ms} inside {@code send()} once the producer has lost the topic's metadata) and fail;
     * after the window one send may try again, and so notice the broker is back.
     */
    public boolean stalledFor(Duration window) {
        long now = System.nanoTime();
        long failed = lastFailureNanos.get();
        if (failed != 0 && now - failed < window.toNanos()) {
            return true;
        }
        Map.Entry<Long, Long> oldest = pendingSince.firstEntry();
        return oldest != null && now - oldest.getValue() > window.toNanos();
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
        producer.send(
                new ProducerRecord<>(
                        deadLetters.name(),
                        null,
                        deadLetter.getFailedAt().toEpochMilli(),
                        deadLetter.getSource(),
                        value),
                (metadata, error) -> {
                    if (error != null) {
                        failedSends.incrementAndGet();
                        LOG.error(
                                "Could not write dead letter for {} to {}: {}",
                                deadLetter.getSource(),
                                deadLetters.name(),
                                error.toString());
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        if (interactive != producer) {
            interactive.flush();
        }
    }

    /** How many sends the broker never acknowledged. */
    public long failedSends() {
        return failedSends.get();
    }

    /** Flushes everything sent, then closes the producer. */
    @Override
    public void close() {
        try {
            producer.flush();
            producer.close(Duration.ofSeconds(30));
        } finally {
            if (interactive != producer) {
                interactive.flush();
                interactive.close(Duration.ofSeconds(30));
            }
        }
    }
}
