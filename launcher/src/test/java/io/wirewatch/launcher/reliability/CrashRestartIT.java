package io.wirewatch.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertMain;
import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.testing.EmbeddedStackExtension;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichMain;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.schema.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Kills enrich-service, then (in a second run) alert-service, in the middle of a replay of 500 articles through the
 * whole pipeline on a real in-process broker, restarts it, and checks with read_committed readers that every article
 * was enriched once and every alert version written once.
 *
 * <p>How the kill is made abrupt: the victim runs as a child JVM ({@link EnrichMain} / {@link AlertMain}, configured
 * by environment variables as in a container) and gets SIGKILL. Nothing of it runs afterwards: no commit, no flush,
 * no leave-group, no transaction abort, its sockets simply close — as when a container is OOM-killed. An in-process
 * {@code KafkaStreams.close(Duration.ZERO)} would still abort the open transaction and commit nothing new, which is a
 * clean stop in disguise. The replacement runs in this JVM on an empty state directory, so alert-service's stores can
 * only come back from their changelog topics, and it must wait for the broker to abort the dead instance's
 * transaction before it may read the committed offsets of those partitions.
 */
@Tag("reliability")
class CrashRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRestartIT.class);
    private static final int ARTICLES = 500;
    /** Slow enough that the kill falls mid-replay: about ten seconds of feed. */
    private static final ReplayOptions FEED = new ReplayOptions(null, 50.0);
    /** The victim dies once it has committed this many of its input records. */
    private static final long KILL_AFTER_COMMITTED = 150;
    /** Generous bound of each wait; on an idle machine each takes seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldEnrichEveryArticleExactlyOnceWhenEnrichIsKilledMidReplayAndRestartedOnEmptyState() throws Exception {
        killMidReplayAndRestart(Victim.ENRICH);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldWriteEveryAlertVersionExactlyOnceWhenAlertIsKilledMidReplayAndRestoredFromChangelogs() throws Exception {
        killMidReplayAndRestart(Victim.ALERT);
    }

    private enum Victim {
        ENRICH,
        ALERT
    }

    private void killMidReplayAndRestart(Victim victim) throws Exception {
        long started = System.nanoTime();
        String run = STACK.newRunId("crash-" + victim.name().toLowerCase());
        ReliabilityCorpus corpus = ReliabilityCorpus.generate(ARTICLES, 20120207L);
        Path feed = corpus.writeJsonl(workDir.resolve("corpus.jsonl"));
        try (ReliabilityPipeline pipeline = ReliabilityPipeline.create(STACK.stack(), run, 2, workDir);
                RunningServices running = new RunningServices()) {
            // Given the pipeline up, with the victim in a JVM of its own
            Process doomed;
            String victimGroup;
            List<Topic<String, ?>> victimInputs;
            if (victim == Victim.ENRICH) {
                victimGroup = pipeline.enrichApplicationId();
                victimInputs = List.of(pipeline.topics().articlesRaw());
                doomed = pipeline.startChildJvm(
                        EnrichMain.class,
                        "enrich-killed",
                        Map.of(
                                EnrichConfig.ENV_APPLICATION_ID, victimGroup,
                                EnrichConfig.ENV_STATE_DIR,
                                        workDir.resolve("enrich-killed").toString(),
                                EnrichConfig.ENV_HEALTH_PORT, String.valueOf(EnrichConfig.NO_HEALTH_SERVER)));
                running.add(AlertService.start(pipeline.alertConfig("a")));
            } else {
                victimGroup = pipeline.alertApplicationId();
                // alert-service reads the shares enrich-service cuts each article into, keyed by event and place.
                victimInputs = List.of(
                        pipeline.topics().diplomaticByEvent(), pipeline.topics().casualtiesByPlace());
                running.add(EnrichService.start(pipeline.enrichConfig("a")));
                doomed = pipeline.startChildJvm(
                        AlertMain.class,
                        "alert-killed",
                        Map.of(
                                AlertConfig.ENV_APPLICATION_ID,
                                victimGroup,
                                AlertConfig.ENV_STATE_DIR,
                                workDir.resolve("alert-killed").toString(),
                                AlertConfig.ENV_HTTP_PORT,
                                "0"));
            }
            running.add(doomed::destroyForcibly);
            pipeline.awaitMembersWithPartitions(victimGroup, 1, PATIENCE);
            IngestService ingest = IngestService.start(pipeline.ingestConfig());
            running.add(ingest);

            // When the replay starts and the victim is killed once it has committed part of its input
            CompletableFuture<IngestSummary> replay = CompletableFuture.supplyAsync(() -> ingest.ingest(feed, FEED));
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> pipeline.committed(victimGroup, victimInputs) >= KILL_AFTER_COMMITTED);
            doomed.destroyForcibly().waitFor();
            long committedAtKill = pipeline.committed(victimGroup, victimInputs);
            LOG.info(
                    "Killed {} (SIGKILL) after it committed {} of {} input records", victim, committedAtKill, ARTICLES);

            // And it is restarted in this JVM on an empty state directory
            running.add(
                    victim == Victim.ENRICH
                            ? EnrichService.start(pipeline.enrichConfig("restarted"))
                            : AlertService.start(pipeline.alertConfig("restarted")));
            IngestSummary summary = replay.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            pipeline.awaitIdle(PATIENCE);
            // Killed mid-replay: with part of its input committed, as much as the restarted victim committed in the end
            // (alert's input counts shares and progress markers, not articles).
            assertThat(committedAtKill)
                    .as("killed mid-replay")
                    .isLessThan(pipeline.committed(victimGroup, victimInputs));

            // Then every article was published, enriched and alerted on exactly once
            assertThat(summary.published())
                    .as("articles published by the replay")
                    .isEqualTo(ARTICLES);
            assertThat(ingest.health().get("failedSends"))
                    .as("sends the broker never acknowledged")
                    .isEqualTo(0L);
            ExactlyOnceAudit audit = ExactlyOnceAudit.read(pipeline.cluster(), pipeline.topics());
            LOG.info(
                    "CrashRestartIT[{}]: 1 SIGKILL after {} committed inputs; {}; {} ms",
                    victim,
                    committedAtKill,
                    audit.summary(corpus.ids()),
                    (System.nanoTime() - started) / 1_000_000);
            audit.assertExactlyOnce(corpus);
        }
    }
}
