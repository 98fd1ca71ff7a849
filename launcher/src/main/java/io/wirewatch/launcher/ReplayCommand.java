package io.wirewatch.launcher;

import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wirewatch replay PATH}: feeds a running cluster with a corpus, paced like a live feed. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Replay files or directories into a running cluster's articles.raw as a live feed.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files (.txt, .json, .jsonl) or directories.")
    List<Path> paths;

    @Option(
            names = "--speed",
            paramLabel = "N|max",
            defaultValue = "max",
            description =
                    "N times faster than real time between publication times, or 'max' (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--rate", paramLabel = "R", description = "At most R articles per second.")
    Double rate;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        ReplayPaths.requireReadable(paths);
        ReplayOptions pacing = new ReplayOptions(ReplayOptions.parseSpeed(speed), rate);
        IngestConfig config = IngestConfig.defaults(cluster.reachable()).withHttpPort(IngestConfig.HTTP_OFF);
        try (IngestService ingest = IngestService.start(config)) {
            IngestSummary summary = ingest.ingest(paths, pacing);
            System.out.printf(
                    "published %d (near-duplicates %d), duplicates %d, rejected %d%n",
                    summary.published(), summary.nearDuplicates(), summary.duplicates(), summary.rejected());
            return summary.rejected() > 0 ? 1 : 0;
        }
    }
}
