package io.wirewatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.ingest.http.IngestHttpServer;
import io.wirewatch.ingest.identity.NearDuplicateIndex;
import io.wirewatch.ingest.identity.SeenArticles;
import io.wirewatch.ingest.publish.ArticlePublisher;
import io.wirewatch.ingest.publish.DeadLetterCountingOutput;
import io.wirewatch.ingest.publish.LanguageCountingOutput;
import io.wirewatch.ingest.publish.PublishedArticles;
import io.wirewatch.ingest.replay.Pacer;
import io.wirewatch.ingest.replay.ProgressReporter;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.ingest.source.ArticleHandler;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.ingest.source.RawArticle;
import io.wirewatch.ingest.source.Rejection;
import io.wirewatch.ingest.watch.DirectoryWatcher;
import io.wirewatch.platform.health.PrometheusMetrics;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingest-service: publishes articles from files and directories ({@link #ingest}), from
 * {@code POST /articles} and from a watched directory to {@code articles.raw}, bad input to {@code articles.dlq}.
 * On start it reads what {@code articles.raw} already holds, so an article is published once across restarts.
 * {@link #close()} stops the sources, lets a running ingest stop between two articles, and flushes the producer.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final IngestPipeline pipeline;
    private final FileSource files;
    private final ReentrantLock ingestLock = new ReentrantLock();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final long alreadyPublished;
    private final MeterRegistry meterRegistry;
    private IngestHttpServer http;
    private DirectoryWatcher watcher;
    private volatile boolean closed;

    private IngestService(
            IngestConfig config,
            ArticlePublisher publisher,
            IngestPipeline pipeline,
            long alreadyPublished,
            MeterRegistry meterRegistry) {
        this.config = config;
        this.meterRegistry = meterRegistry;
        this.publisher = publisher;
        this.pipeline = pipeline;
        this.alreadyPublished = alreadyPublished;
        this.files = new FileSource(config.maxArticleBytes());
    }

    /**
     * Connects, reads what was published before, and starts the HTTP endpoint and the watcher when configured; meters
     * go to a private Prometheus registry, served on the HTTP endpoint's {@code GET /metrics}.
     */
    public static IngestService start(IngestConfig config) {
        return start(config, PrometheusMetrics.newRegistry());
    }

    /**
     * As {@link #start(IngestConfig)}, with the meters (dead letters as {@code wirewatch.dead.letters}) in
     * {@code meterRegistry}; {@code GET /metrics} renders it when it is, or as a composite holds, a
     * Prometheus registry, and is absent otherwise.
     */
    public static IngestService start(IngestConfig config, MeterRegistry meterRegistry) {
        Topics topics = Topics.create(config.cluster().serdeConfig(), config.topicPrefix());
        Map<String, Object> kafka = config.cluster().kafkaProperties();
        Map<String, Object> producer = new HashMap<>(kafka);
        // Room for the HTTP backlog bound plus what the HTTP threads may send past it at once, so that posts are
        // refused with 503 before a send could block on a full buffer.
        producer.putIfAbsent(
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                Math.max(
                        32L * 1024 * 1024,
                        config.httpMaxPendingBytes() + 2L * IngestHttpServer.THREADS * config.maxRequestBytes()));
        ArticlePublisher publisher = ArticlePublisher.create(producer, topics, config.clientId());
        SeenArticles seen = new SeenArticles();
        IngestPipeline pipeline = new IngestPipeline(
                new DeadLetterCountingOutput(new LanguageCountingOutput(publisher, meterRegistry), meterRegistry),
                seen,
                new NearDuplicateIndex(config.nearDuplicateThreshold(), config.nearDuplicateWindow()),
                Clock.systemUTC(),
                config.maxArticleBytes());
        IngestMetrics.bind(pipeline, meterRegistry);
        IngestService service;
        try {
            long published = PublishedArticles.readAll(
                    kafka,
                    topics.articlesRaw(),
                    config.clientId(),
                    article -> pipeline.remember(article.getId(), article.getContentHash(), article.getText()));
            service = new IngestService(config, publisher, pipeline, published, meterRegistry);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
        try {
            service.startSources();
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        LOG.info(
                "ingest-service started: publishing to {} (dead letters to {}), {} articles known, HTTP {}, watching {}",
                topics.articlesRaw().name(),
                topics.deadLetters().name(),
                service.alreadyPublished,
                config.httpEnabled() ? "port " + service.httpPort() : "off",
                config.watchDirectory() == null ? "nothing" : config.watchDirectory());
        return service;
    }

    private void startSources() throws IOException {
        if (config.httpEnabled()) {
            Supplier<String> metrics = PrometheusMetrics.scrapeable(meterRegistry)
                    .<Supplier<String>>map(prometheus -> prometheus::scrape)
                    .orElse(null);
            http = IngestHttpServer.start(
                    config.httpPort(),
                    config.httpListener(),
                    pipeline,
                    new IngestHttpServer.Limits(
                            config.maxRequestBytes(),
                            config.maxArticleBytes(),
                            config.httpRequestsPerSecond(),
                            config.httpBodyReadTimeout()),
                    new IngestHttpServer.Backpressure(
                            config.httpAckTimeout(),
                            config.httpMaxPendingBytes(),
                            publisher::pendingBytes,
                            () -> publisher.stalledFor(config.httpAckTimeout())),
                    this::health,
                    metrics);
        }
        if (config.watchDirectory() != null) {
            watcher = DirectoryWatcher.start(
                    config.watchDirectory(),
                    file -> ingest(List.of(file), ReplayOptions.MAX, false),
                    config.watchSettleInterval(),
                    config.watchRescanInterval());
        }
    }

    /** Ingests a file or directory; see {@link #ingest(List, ReplayOptions)}. */
    public IngestSummary ingest(Path path, ReplayOptions options) {
        return ingest(List.of(path), options);
    }

    /**
     * Ingests files and directories. With {@link ReplayOptions#MAX} articles stream straight through in file order;
     * with a speed or a rate they are first read, then replayed in publication order with the waits the options ask
     * for. Progress shows on the terminal, or in the log. Returns when every article is acknowledged by the broker.
     */
    public IngestSummary ingest(List<Path> paths, ReplayOptions options) {
        return ingest(paths, options, true);
    }

    private IngestSummary ingest(List<Path> paths, ReplayOptions options, boolean showProgress) {
        if (closed) {
            throw new IllegalStateException("ingest-service is closed");
        }
        IngestSummary.Tally tally = new IngestSummary.Tally();
        ProgressReporter progress = showProgress ? ProgressReporter.forCurrentProcess() : null;
        long started = System.nanoTime();
        long flushStarted = started;
        ingestLock.lock();
        try {
            if (options.paced()) {
                replay(paths, options, tally, progress);
            } else {
                if (progress != null) {
                    progress.start(-1);
                }
                ArticleHandler handler = handler(tally, progress, null);
                for (Path path : paths) {
                    if (closed) {
                        break;
                    }
                    files.read(path, handler);
                }
            }
        } catch (StoppedByClose e) {
            LOG.info("Ingest of {} stopped early: the service is closing", paths);
        } finally {
            flushStarted = System.nanoTime();
            pipeline.flush();
            ingestLock.unlock();
            if (progress != null) {
                progress.finish();
            }
        }
        IngestSummary summary = tally.summary();
        long finished = System.nanoTime();
        LOG.info(
                "Ingested {}: {} published ({} near-duplicates), {} duplicates skipped, {} rejected in {} ms "
                        + "(the last {} ms waiting for the broker's acknowledgements)",
                paths,
                summary.published(),
                summary.nearDuplicates(),
                summary.duplicates(),
                summary.rejected(),
                (finished - started) / 1_000_000,
                (finished - flushStarted) / 1_000_000);
        return summary;
    }

    private void replay(List<Path> paths, ReplayOptions options, IngestSummary.Tally tally, ProgressReporter progress) {
        List<RawArticle> articles = new ArrayList<>();
        ArticleHandler collect = handler(tally, null, articles);
        for (Path path : paths) {
            files.read(path, collect);
        }
        articles.sort(Comparator.comparing(RawArticle::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        if (progress != null) {
            progress.start(articles.size());
        }
        // Waits end early when the service closes, so shutdown never hangs on a long gap in the news.
        Pacer pacer =
                new Pacer(options, Clock.systemUTC(), wait -> closing.await(wait.toNanos(), TimeUnit.NANOSECONDS));
        for (RawArticle article : articles) {
            try {
                pacer.awaitTurn(article.publishedAt());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (closed) {
                break;
            }
            countWithTotals(tally, pipeline.ingest(article));
            if (progress != null) {
                progress.advance();
            }
        }
    }

    /** Articles go to the pipeline (or, when {@code buffer} is given, into it); rejections always go straight on. */
    private ArticleHandler handler(IngestSummary.Tally tally, ProgressReporter progress, List<RawArticle> buffer) {
        return new ArticleHandler() {
            @Override
            public void article(RawArticle article) {
                if (buffer != null) {
                    buffer.add(article);
                    return;
                }
                countWithTotals(tally, pipeline.ingest(article));
                if (progress != null) {
                    progress.advance();
                }
            }

            @Override
            public void rejected(Rejection rejection) {
                countWithTotals(tally, pipeline.reject(rejection));
            }
        };
    }

    private void countWithTotals(IngestSummary.Tally tally, IngestPipeline.Outcome outcome) {
        tally.count(outcome);
        if (closed) {
            // Stop reading between two articles; what was sent so far is flushed by close().
            throw new StoppedByClose();
        }
    }

    private static final class StoppedByClose extends RuntimeException {
        StoppedByClose() {
            super("ingest-service is closing", null, false, false);
        }
    }

    /** The HTTP port actually bound (useful with port 0), or -1 when HTTP is off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** What the service has done since it started, over all sources. */
    public IngestSummary totals() {
        return pipeline.totals();
    }

    /** What {@code GET /health} reports. */
    public Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", closed ? "DOWN" : "UP");
        details.put("service", IngestPipeline.SERVICE_NAME);
        details.put("knownAtStart", alreadyPublished);
        IngestSummary summary = pipeline.totals();
        details.put("published", summary.published());
        details.put("duplicates", summary.duplicates());
        details.put("rejected", summary.rejected());
        details.put("failedSends", publisher.failedSends());
        details.put("unacknowledgedBytes", publisher.pendingBytes());
        return details;
    }

    /** Stops HTTP and the watcher, lets a running ingest stop between articles, flushes and closes the producer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        if (http != null) {
            http.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        boolean locked = false;
        try {
            locked = ingestLock.tryLock(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!locked) {
                LOG.warn("An ingest run did not stop within {}; closing the producer anyway", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            publisher.close();
        } finally {
            if (locked) {
                ingestLock.unlock();
            }
        }
        LOG.info("ingest-service stopped: {}", pipeline.totals());
    }
}
