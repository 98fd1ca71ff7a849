package io.wirewatch.ingest;

import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.platform.config.Env;
import io.wirewatch.platform.lifecycle.ServiceRunner;
import io.wirewatch.serde.RegistryWait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Command line of ingest-service: {@code ingest [--speed N|max] [--rate R] [--watch DIR] [--http-port P] [PATH...]}.
 * With paths and neither {@code --watch} nor {@code --http-port}, it ingests the paths and exits; otherwise it keeps
 * serving (HTTP from {@code INGEST_HTTP_PORT}, watching {@code INGEST_WATCH_DIR}) until stopped, after ingesting any
 * paths given. Cluster and limits come from the environment ({@link IngestConfig}); options override it.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Publishes articles (files, directories, HTTP POSTs, a watched directory) to articles.raw.")
public final class IngestMain implements Callable<Integer> {

    @Option(
            names = "--speed",
            paramLabel = "N|max",
            defaultValue = "max",
            description = "Replay N times faster than real time between published_at values, or 'max' (default).")
    private String speed;

    @Option(names = "--rate", paramLabel = "R", description = "Publish at most R articles per second.")
    private Double rate;

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description = "Watch DIR for new files (overrides INGEST_WATCH_DIR).")
    private Path watch;

    @Option(
            names = "--http-port",
            paramLabel = "P",
            description = "Serve POST /articles on port P; 0 = any free port, -1 = off (overrides INGEST_HTTP_PORT).")
    private Integer httpPort;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files (.txt, .json, .jsonl) or directories.")
    private List<Path> paths = new ArrayList<>();

    private final Map<String, String> environment;

    public IngestMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        return new CommandLine(new IngestMain(environment))
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    if (error instanceof IllegalArgumentException) {
                        // A bad option or environment value: the message names it; a stack trace would bury it.
                        commandLine.getErr().println("ingest: " + error.getMessage());
                        return CommandLine.ExitCode.USAGE;
                    }
                    throw error;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplayOptions options = new ReplayOptions(ReplayOptions.parseSpeed(speed), rate);
        boolean oneShot = !paths.isEmpty() && watch == null && httpPort == null;
        IngestConfig config = IngestConfig.fromEnvironment(Env.withConfigFile(environment));
        if (oneShot) {
            config = config.withHttpPort(IngestConfig.HTTP_OFF).withWatchDirectory(null);
        } else {
            if (httpPort != null) {
                config = config.withHttpPort(httpPort);
            }
            if (watch != null) {
                config = config.withWatchDirectory(watch);
            }
        }
        RegistryWait.untilReachable(config.cluster().schemaRegistryUrl());
        IngestService service = IngestService.start(config);
        ServiceRunner.serve(
                "ingest-service",
                service,
                started -> {
                    if (!paths.isEmpty()) {
                        IngestSummary summary = started.ingest(paths, options);
                        System.out.printf(
                                "published %d (near-duplicates %d), duplicates %d, rejected %d%n",
                                summary.published(),
                                summary.nearDuplicates(),
                                summary.duplicates(),
                                summary.rejected());
                    }
                },
                !oneShot);
        return 0;
    }
}
