package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.devstack.kafka.EmbeddedKafka;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * An operator's routine upgrade during a replay of 1,000 articles on a three-broker cluster (replication 3,
 * min.insync.replicas 2): every broker restarted one after another, each only once the one before is back in sync;
 * then, in a second run, every instance of enrich-service and alert-service (two of each) restarted one after another
 * on its own state directory. Audited as the other reliability runs are: nothing lost, nothing duplicated.
 */
@Tag("reliability")
class RollingRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RollingRestartIT.class);
    private static final int ARTICLES = 1_000;
    /** Forty seconds of feed: three broker restarts, or four instance restarts with their rebalances, fit in it. */
    private static final ReplayOptions FEED = new ReplayOptions(null, 25.0);

    private static final long ROLL_AFTER_ENRICHED = 150;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedStackExtension STACK =
            new EmbeddedStackExtension(EmbeddedStack.Options.defaults().withBrokers(3));

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenEveryBrokerIsRestartedInTurnMidReplay() throws Exception {
        long started = System.nanoTime();
        EmbeddedKafka kafka = STACK.stack().kafka();
        kafka.awaitReplicasInSync(PATIENCE);
        String run = STACK.newRunId("roll-brokers");
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120211L);
        Path feed = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (ReliabilityPipeline pipeline = ReliabilityPipeline.create(STACK.stack(), run, 2, workDir);
                RunningServices running = new RunningServices()) {
            // Given the pipeline up on three brokers
            running.add(EnrichService.start(pipeline.enrichConfig("a")));
            running.add(AlertService.start(pipeline.alertConfig("a")));
            pipeline.awaitMembersWithPartitions(pipeline.enrichApplicationId(), 1, PATIENCE);
            pipeline.awaitMembersWithPartitions(pipeline.alertApplicationId(), 1, PATIENCE);
            AlertFlow alerts = running.add(
                    AlertFlow.watch(pipeline.cluster(), pipeline.topics().alerts()));
            IngestService ingest = running.add(IngestService.start(pipeline.ingestConfig()));

            // When each broker in turn stops cleanly and starts again, the next only once all replicas are in sync
            CompletableFuture<IngestSummary> replay = CompletableFuture.supplyAsync(() -> ingest.ingest(feed, FEED));
            pipeline.awaitEnriched(ROLL_AFTER_ENRICHED, PATIENCE);
            long rollAt = System.nanoTime();
            List<String> steps = new ArrayList<>();
            for (int node : kafka.nodeIds()) {
                long stopAt = System.nanoTime();
                kafka.stopNode(node);
                kafka.restartNode(node);
                long backAt = System.nanoTime();
                Duration catchUp = kafka.awaitReplicasInSync(PATIENCE);
                steps.add(String.format(
                        "node %d down and back %d ms, in sync %d ms later (enriched %d)",
                        node, (backAt - stopAt) / 1_000_000, catchUp.toMillis(), pipeline.enriched()));
            }
            boolean feedRunningAfterRoll = !replay.isDone();
            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitIdle(PATIENCE);

            // Then nothing was lost or duplicated
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            assertThat(ingest.health().get("failedSends"))
                    .as("sends the cluster never acknowledged")
                    .isEqualTo(0L);
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "RollingRestartIT[brokers]: {} (roll {} ms, feed still running after it: {}); alerts: {}; {}; {} ms",
                    steps,
                    (System.nanoTime() - rollAt) / 1_000_000,
                    feedRunningAfterRoll,
                    alerts.stallAround(rollAt),
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenEveryServiceInstanceIsRestartedInTurnMidReplay() throws Exception {
        long started = System.nanoTime();
        STACK.stack().kafka().awaitReplicasInSync(PATIENCE);
        String run = STACK.newRunId("roll-services");
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120212L);
        Path feed = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (ReliabilityPipeline pipeline = ReliabilityPipeline.create(STACK.stack(), run, 6, workDir);
                RunningServices running = new RunningServices()) {
            String enrichGroup = pipeline.enrichApplicationId();
            String alertGroup = pipeline.alertApplicationId();
            // Given two instances of each Streams service, six partitions
            List<AutoCloseable> enrich = new ArrayList<>(List.of(
                    running.add(EnrichService.start(pipeline.enrichConfig("1"))),
                    running.add(EnrichService.start(pipeline.enrichConfig("2")))));
            List<AutoCloseable> alert = new ArrayList<>(List.of(
                    running.add(AlertService.start(pipeline.alertConfig("1"))),
                    running.add(AlertService.start(pipeline.alertConfig("2")))));
            pipeline.awaitMembersWithPartitions(enrichGroup, 2, PATIENCE);
            pipeline.awaitMembersWithPartitions(alertGroup, 2, PATIENCE);
            AlertFlow alerts = running.add(
                    AlertFlow.watch(pipeline.cluster(), pipeline.topics().alerts()));
            IngestService ingest = running.add(IngestService.start(pipeline.ingestConfig()));

            // When each instance in turn stops cleanly and starts again on its state directory (an upgrade), the next
            // only once its replacement holds partitions
            CompletableFuture<IngestSummary> replay = CompletableFuture.supplyAsync(() -> ingest.ingest(feed, FEED));
            pipeline.awaitEnriched(ROLL_AFTER_ENRICHED, PATIENCE);
            long rollAt = System.nanoTime();
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String instance = String.valueOf(i + 1);
                long stepAt = System.nanoTime();
                Set<String> before = pipeline.memberIds(enrichGroup);
                running.stop(enrich.get(i));
                enrich.set(i, running.add(EnrichService.start(pipeline.enrichConfig(instance))));
                pipeline.awaitMembersReplaced(enrichGroup, before, 2, PATIENCE);
                steps.add(String.format("enrich %s %d ms", instance, (System.nanoTime() - stepAt) / 1_000_000));
            }
            for (int i = 0; i < 2; i++) {
                String instance = String.valueOf(i + 1);
                long stepAt = System.nanoTime();
                Set<String> before = pipeline.memberIds(alertGroup);
                running.stop(alert.get(i));
                alert.set(i, running.add(AlertService.start(pipeline.alertConfig(instance))));
                pipeline.awaitMembersReplaced(alertGroup, before, 2, PATIENCE);
                steps.add(String.format("alert %s %d ms", instance, (System.nanoTime() - stepAt) / 1_000_000));
            }
            boolean feedRunningAfterRoll = !replay.isDone();
            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitIdle(PATIENCE);

            // Then nothing was lost or duplicated
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "RollingRestartIT[services]: {} (roll {} ms, feed still running after it: {}); alerts: {}; {}; {} ms",
                    steps,
                    (System.nanoTime() - rollAt) / 1_000_000,
                    feedRunningAfterRoll,
                    alerts.stallAround(rollAt),
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }
}
