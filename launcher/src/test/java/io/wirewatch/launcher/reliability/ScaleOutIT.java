package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scales enrich-service and alert-service out to two instances each (one consumer group per service, six partitions,
 * state directories of their own) in the middle of a replay of 500 articles, then back in by stopping the first
 * instances cleanly: two rebalances each, with tasks and alert state moving between instances while records flow.
 * Nothing may be lost or duplicated.
 */
@Tag("reliability")
class ScaleOutIT {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final int ARTICLES = 500;
    private static final int PARTITIONS = 6;
    /**
     * Twenty seconds of feed: a join takes the two groups several seconds to settle (six tasks move, alert's state
     * is restored on the newcomer), and the first instances must still leave with articles to come.
     */
    private static final ReplayOptions FEED = new ReplayOptions(null, 25.0);

    private static final long SCALE_OUT_AFTER_ENRICHED = 75;
    private static final long SCALE_IN_AFTER_ENRICHED = 275;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenInstancesJoinAndLeaveMidReplay() throws Exception {
        long started = System.nanoTime();
        String run = STACK.newRunId("scale");
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120209L);
        Path feed = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (ReliabilityPipeline pipeline = ReliabilityPipeline.create(STACK.stack(), run, PARTITIONS, workDir);
                RunningServices running = new RunningServices()) {
            String enrichGroup = pipeline.enrichApplicationId();
            String alertGroup = pipeline.alertApplicationId();
            // Given one instance of each service
            EnrichService firstEnrich = running.add(EnrichService.start(pipeline.enrichConfig("1")));
            AlertService firstAlert = running.add(AlertService.start(pipeline.alertConfig("1")));
            pipeline.awaitMembersWithPartitions(enrichGroup, 1, PATIENCE);
            pipeline.awaitMembersWithPartitions(alertGroup, 1, PATIENCE);
            IngestService ingest = running.add(IngestService.start(pipeline.ingestConfig()));

            // When a second instance of each joins mid-replay
            CompletableFuture<IngestSummary> replay = CompletableFuture.supplyAsync(() -> ingest.ingest(feed, FEED));
            pipeline.awaitEnriched(SCALE_OUT_AFTER_ENRICHED, PATIENCE);
            long enrichedAtScaleOut =
                    pipeline.committed(enrichGroup, pipeline.topics().articlesRaw());
            running.add(EnrichService.start(pipeline.enrichConfig("2")));
            running.add(AlertService.start(pipeline.alertConfig("2")));
            pipeline.awaitMembersWithPartitions(enrichGroup, 2, PATIENCE);
            pipeline.awaitMembersWithPartitions(alertGroup, 2, PATIENCE);
            LOG.info(
                    "Scaled out to two instances each after {} of {} articles were enriched",
                    enrichedAtScaleOut,
                    ARTICLES);

            // And the first instances stop cleanly later, still mid-replay
            pipeline.awaitEnriched(SCALE_IN_AFTER_ENRICHED, PATIENCE);
            long enrichedAtScaleIn =
                    pipeline.committed(enrichGroup, pipeline.topics().articlesRaw());
            boolean feedRunningAtScaleIn = !replay.isDone();
            running.stop(firstEnrich);
            running.stop(firstAlert);
            LOG.info(
                    "Stopped the first instances after {} of {} articles were enriched (feed still running: {})",
                    enrichedAtScaleIn,
                    ARTICLES,
                    feedRunningAtScaleIn);
            assertThat(enrichedAtScaleIn).as("scaled in mid-replay").isLessThan(ARTICLES);

            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitMembersWithPartitions(enrichGroup, 1, PATIENCE);
            pipeline.awaitMembersWithPartitions(alertGroup, 1, PATIENCE);
            pipeline.awaitIdle(PATIENCE);

            // Then nothing was lost or duplicated
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "ScaleOutIT: a second instance of each service joined after {} and the first left after {} enriched; {}; {} ms",
                    enrichedAtScaleOut,
                    enrichedAtScaleIn,
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }
}
