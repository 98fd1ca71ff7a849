package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loses a broker of a three-broker cluster (replication 3, min.insync.replicas 2, Streams' topics at 3) in the middle
 * of a replay of 1,000 articles through the whole pipeline, three ways: the leader of {@code articles.enriched}'s
 * partitions stops; a broker is killed with SIGKILL and returns 30 s later; a broker is lost for good and the run ends
 * on two. Each run is audited with read_committed readers (nothing lost, nothing duplicated) and says how long alerts
 * stalled and how long a returning broker took to catch up.
 *
 * <p>One cluster serves the class (starting three nodes costs seconds on two cores); node 3 runs in a JVM of its own so
 * it can be killed. The tests run in order because the last one leaves the cluster on two brokers; each starts with
 * every replica in sync.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerLossIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLossIT.class);
    private static final int ARTICLES = 1_000;
    private static final int PARTITIONS = 2;
    private static final int KILLABLE_NODE = 3;
    /** Twenty seconds of feed at 50/s; the 30 s outage test feeds at 20/s so the broker returns mid-replay. */
    private static final ReplayOptions FEED = new ReplayOptions(null, 50.0);

    private static final ReplayOptions SLOW_FEED = new ReplayOptions(null, 20.0);
    private static final long FAULT_AFTER_ENRICHED = 200;
    /** Progress the pipeline must make with the broker away, to show it goes on without it. */
    private static final long PROGRESS_WITHOUT_THE_BROKER = 200;

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension(
            EmbeddedStack.Options.defaults().withBrokers(3).withNodeInChildJvm(KILLABLE_NODE));

    @TempDir
    Path workDir;

    @Test
    @Order(1)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenTheLeaderOfArticlesEnrichedStopsMidReplay() throws Exception {
        EmbeddedKafka kafka = STACK.stack().kafka();
        runWithFault("leader", FEED, pipeline -> {
            // The broker leading most of articles.enriched's partitions (all of them, when one leads both).
            List<Integer> leaders =
                    kafka.leaders(pipeline.topics().articlesEnriched().name());
            int leader = leaders.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .entrySet()
                    .stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            kafka.stopNode(leader);
            LOG.info("Stopped node {}, leader of articles.enriched partitions {}", leader, leaders);
            // Away until the pipeline has shown it goes on without it.
            pipeline.awaitEnriched(Math.min(ARTICLES, pipeline.enriched() + PROGRESS_WITHOUT_THE_BROKER), PATIENCE);
            return new Fault(leader, true);
        });
    }

    @Test
    @Order(2)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenABrokerIsKilledHardAndReturnsThirtySecondsLater() throws Exception {
        runWithFault("kill", SLOW_FEED, pipeline -> {
            STACK.stack().kafka().killNode(KILLABLE_NODE);
            // The outage itself, not a wait for a condition: the cluster must carry on without the broker meanwhile.
            Thread.sleep(OUTAGE.toMillis());
            return new Fault(KILLABLE_NODE, true);
        });
    }

    @Test
    @Order(3)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndDuplicateNothingWhenABrokerIsLostForGoodAndTheRunEndsOnTwo() throws Exception {
        runWithFault("lost", FEED, pipeline -> {
            STACK.stack().kafka().killNode(KILLABLE_NODE);
            return new Fault(KILLABLE_NODE, false);
        });
    }

    /** What a fault did: which node it took, and whether it comes back. */
    private record Fault(int node, boolean returns) {}

    @FunctionalInterface
    private interface FaultInjection {
        Fault inject(ReliabilityPipeline pipeline) throws Exception;
    }

    private void runWithFault(String name, ReplayOptions feed, FaultInjection injection) throws Exception {
        long started = System.nanoTime();
        EmbeddedKafka kafka = STACK.stack().kafka();
        // Every test starts on three brokers in sync, whatever the one before left behind.
        for (int node : kafka.nodeIds()) {
            if (!kafka.isRunning(node)) {
                kafka.restartNode(node);
            }
        }
        kafka.awaitReplicasInSync(PATIENCE);
        String run = STACK.newRunId("loss-" + name);
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120210L);
        Path feedFile = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (ReliabilityPipeline pipeline = ReliabilityPipeline.create(STACK.stack(), run, PARTITIONS, workDir);
                RunningServices running = new RunningServices()) {
            // Given the whole pipeline up on three brokers, and a watcher of committed alerts
            running.add(EnrichService.start(pipeline.enrichConfig("a")));
            running.add(AlertService.start(pipeline.alertConfig("a")));
            pipeline.awaitMembersWithPartitions(pipeline.enrichApplicationId(), 1, PATIENCE);
            pipeline.awaitMembersWithPartitions(pipeline.alertApplicationId(), 1, PATIENCE);
            AlertFlow alerts = running.add(
                    AlertFlow.watch(pipeline.cluster(), pipeline.topics().alerts()));
            IngestService ingest = running.add(IngestService.start(pipeline.ingestConfig()));

            // When a broker goes away mid-replay
            CompletableFuture<IngestSummary> replay =
                    CompletableFuture.supplyAsync(() -> ingest.ingest(feedFile, feed));
            pipeline.awaitEnriched(FAULT_AFTER_ENRICHED, PATIENCE);
            long enrichedAtFault = pipeline.enriched();
            long faultAt = System.nanoTime();
            Fault fault = injection.inject(pipeline);
            assertThat(enrichedAtFault).as("fault mid-replay").isLessThan(ARTICLES);

            // Then the pipeline goes on without it, and a returning broker catches up
            if (fault.returns()) {
                long enrichedAtReturn = pipeline.enriched();
                long restartAt = System.nanoTime();
                kafka.restartNode(fault.node());
                Duration catchUp = kafka.awaitReplicasInSync(PATIENCE);
                LOG.info(
                        "BrokerLossIT[{}]: node {} back {} ms after the fault with {} of {} articles enriched, in sync "
                                + "{} ms after its restart ({} ms in all)",
                        name,
                        fault.node(),
                        (restartAt - faultAt) / 1_000_000,
                        enrichedAtReturn,
                        ARTICLES,
                        catchUp.toMillis(),
                        (System.nanoTime() - restartAt) / 1_000_000);
            }
            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitIdle(PATIENCE);
            await().atMost(PATIENCE).until(() -> alerts.seen() > 0);
            AlertFlow.Stall stall = alerts.stallAround(faultAt);

            // And nothing was lost or duplicated
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            assertThat(ingest.health().get("failedSends"))
                    .as("sends the cluster never acknowledged")
                    .isEqualTo(0L);
            assertThat(stall.alertsAfterFault())
                    .as("alerts committed after the fault")
                    .isTrue();
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "BrokerLossIT[{}]: node {} {} after {} of {} articles enriched; alerts: {}; {}; {} ms",
                    name,
                    fault.node(),
                    fault.returns() ? "away and back" : "lost for good",
                    enrichedAtFault,
                    ARTICLES,
                    stall,
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }
}
