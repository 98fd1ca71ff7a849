package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the only broker in the middle of a replay of 500 articles through the whole pipeline and starts it again on
 * the same port and data: ingest's idempotent producer must hold its sends through the outage, the Streams services
 * must reconnect (replacing a stream thread if one dies of it), and the run must end with every article enriched once
 * and every alert version written once.
 */
@Tag("reliability")
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final int ARTICLES = 500;
    private static final ReplayOptions FEED = new ReplayOptions(null, 50.0);
    private static final long STOP_AFTER_PUBLISHED = 150;
    /** Shorter than every client timeout that would give up on a record (delivery 120 s, Streams' task 300 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenTheBrokerRestartsMidReplay() throws Exception {
        long started = System.nanoTime();
        String run = "broker-" + UUID.randomUUID().toString().substring(0, 8);
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120208L);
        Path feed = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (EmbeddedStack stack = EmbeddedStack.start();
                ReliabilityPipeline pipeline = ReliabilityPipeline.create(stack, run, 2, workDir);
                RunningServices running = new RunningServices()) {
            // Given the whole pipeline up
            running.add(EnrichService.start(pipeline.enrichConfig("a")));
            running.add(AlertService.start(pipeline.alertConfig("a")));
            pipeline.awaitMembersWithPartitions(pipeline.enrichApplicationId(), 1, PATIENCE);
            IngestService ingest = IngestService.start(pipeline.ingestConfig());
            running.add(ingest);

            // When the broker stops mid-replay and comes back a few seconds later
            CompletableFuture<IngestSummary> replay = CompletableFuture.supplyAsync(() -> ingest.ingest(feed, FEED));
            // Stopped by ingest's progress, not enrich's: on a loaded machine enrich can lag the whole 10 s replay, and
            // a broker stopped after the replay ended would test nothing of the producer riding out the outage.
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> ingest.totals().published() >= STOP_AFTER_PUBLISHED);
            long enrichedAtStop = pipeline.committed(
                    pipeline.enrichApplicationId(), pipeline.topics().articlesRaw());
            stack.kafka().stop();
            // The outage itself, not a wait for a condition: the clients must ride it out.
            Thread.sleep(OUTAGE.toMillis());
            assertThat(replay)
                    .as("replay still going when the broker came back")
                    .isNotDone();
            stack.kafka().restart();
            LOG.info(
                    "Broker stopped for {} after enrich committed {} of {} articles", OUTAGE, enrichedAtStop, ARTICLES);
            assertThat(enrichedAtStop).as("stopped mid-replay").isLessThan(ARTICLES);

            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitIdle(PATIENCE);

            // Then nothing was lost or duplicated
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            assertThat(ingest.health().get("failedSends"))
                    .as("sends the broker never acknowledged")
                    .isEqualTo(0L);
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "BrokerRestartIT: broker down {} after {} enriched; {}; {} ms",
                    OUTAGE,
                    enrichedAtStop,
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }
}
