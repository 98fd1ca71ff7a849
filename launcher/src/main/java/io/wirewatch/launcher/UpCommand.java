package io.wirewatch.launcher;

import io.wirewatch.alert.AlertConfig;
import io.wirewatch.alert.AlertService;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.IngestSummary;
import io.wirewatch.ingest.replay.ReplayOptions;
import io.wirewatch.platform.config.ClusterConfig;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch up}: the whole pipeline in this JVM — a real Kafka broker (KRaft) and the schema registry
 * in-process, then enrich, alert and ingest — replaying a corpus as a live feed and printing each alert.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run the whole pipeline on an embedded broker and registry, replaying a corpus as a live feed.")
public final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(500);

    @Option(
            names = "--replay",
            paramLabel = "PATH",
            description = "File or directory to replay, any format ingest accepts (default: the project's seeds/).")
    Path replay;

    @Option(
            names = "--speed",
            paramLabel = "N|max",
            defaultValue = "3600",
            description =
                    "Replay N times faster than real time between publication times, or 'max' (default: ${DEFAULT-VALUE}, an hour of news a second).")
    String speed;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Keep the broker's data and the services' state here across runs; a later run resumes, printing only new alerts (default: a temporary directory).")
    Path dataDir;

    /**
     * Free space the data directory's filesystem must have at start. Hidden: an operator has no reason to lower it, and
     * tests raise it past what any disk has to see the refusal without filling one.
     */
    @Option(names = "--min-free-space", hidden = true, paramLabel = "BYTES")
    long minFreeSpace = DEFAULT_MIN_FREE_SPACE;

    /**
     * What a start needs at least: the broker preallocates 10 MB index files per segment of each partition, and RocksDB
     * writes memtables of up to 16 MB per store; below this a run fails part-way with a full disk instead.
     */
    static final long DEFAULT_MIN_FREE_SPACE = 256L * 1024 * 1024;

    @Option(
            names = "--from-beginning",
            description = "Print every alert the data directory holds, not only those newer than the last run's.")
    boolean fromBeginning;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Alert page and API port; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--ingest-port",
            paramLabel = "PORT",
            defaultValue = "8090",
            description =
                    "Port of ingest's POST /articles; 0 = any free port, -1 turns it off (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description =
                    "Broker port (with --brokers 3 the first of three: 9092, 9093, 9094); 0 = any free ports (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--brokers",
            paramLabel = "1|3",
            defaultValue = "1",
            description =
                    "Kafka nodes in this JVM: 1, or 3 for the production shape (replication 3, min.insync.replicas 2) (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(
            names = "--registry-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description = "Schema registry port; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "2",
            description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--exit-when-idle",
            description = "Stop once every article was ingested, enriched and alerted on, with nothing in flight.")
    boolean exitWhenIdle;

    @Option(
            names = "--alerts-out",
            paramLabel = "FILE",
            description = "Write every alert version this run prints as one JSON object a line (the file is replaced).")
    Path alertsOut;

    PrintStream out = System.out;

    /** Counted down by Ctrl-C (the shutdown hook) or {@link #requestStop()}. */
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Stops a running {@code up} as Ctrl-C would, for callers that run it in-process. */
    void requestStop() {
        stop.countDown();
    }

    @Override
    public Integer call() throws Exception {
        // Everything the command line decides is checked before anything starts: one line, nothing to clean up.
        Path source = replay != null ? replay : defaultSeeds();
        ReplayPaths.requireReadable(source);
        ReplayOptions pacing = new ReplayOptions(ReplayOptions.parseSpeed(speed), null);
        if (partitions < 1) {
            throw CliError.usage("--partitions must be at least 1, was " + partitions);
        }
        if (brokers != 1 && brokers != 3) {
            throw CliError.usage("--brokers must be 1 or 3, was " + brokers);
        }
        if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw CliError.usage("--data-dir " + dataDir + " is not a directory");
        }
        if (dataDir != null) {
            requireFreeSpace(dataDir, minFreeSpace);
        }
        List<ListenPort> kafkaListeners = new ArrayList<>();
        for (int node = 0; node < brokers; node++) {
            // A fixed --kafka-port P gives the nodes P, P+1, P+2: each must be free, and named if it is not.
            kafkaListeners.add(new ListenPort(
                    "--kafka-port",
                    kafkaPort == 0 ? 0 : kafkaPort + node,
                    node == 0 ? "the Kafka broker" : "Kafka node " + (node + 1),
                    null));
        }
        ListenPort registryListener = new ListenPort("--registry-port", registryPort, "the schema registry", null);
        ListenPort alertListener = new ListenPort("--port", port, "the alert page", null);
        ListenPort ingestListener =
                new ListenPort("--ingest-port", ingestPort, "ingest's POST /articles", "turns it off");
        List<ListenPort> listeners = new ArrayList<>(kafkaListeners);
        listeners.addAll(List.of(registryListener, alertListener, ingestListener));
        requireFree(listeners);

        Deque<AutoCloseable> running = new ArrayDeque<>();
        AlertsFile alertsFile;
        try {
            if (dataDir != null) {
                running.push(DataDirLock.acquire(dataDir));
            }
            alertsFile = alertsOut == null ? null : openAlertsFile(alertsOut);
            if (alertsFile != null) {
                running.push(alertsFile);
            }
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(
                () -> {
                    signalled.set(true);
                    stop.countDown();
                    closeAll(running);
                },
                "wirewatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long started = System.nanoTime();
            List<ListenPort> stackListeners = new ArrayList<>(kafkaListeners);
            stackListeners.add(registryListener);
            EmbeddedStack stack = listening(stackListeners, () -> EmbeddedStack.start(stackOptions()));
            running.push(stack);
            ClusterConfig cluster = stack.clusterConfig();
            Topics topics = Topics.create(cluster.serdeConfig());
            stack.createTopics(
                    partitions,
                    Topics.TOPIC_CONFIGS,
                    topics.all().stream().map(Topic::name).toArray(String[]::new));
            Path state = dataDir != null ? dataDir.resolve("state") : Files.createTempDirectory("wirewatch-state");

            // Streams' own topics (alert's changelogs and repartitions) replicated like the cluster's: 3 on 3 brokers.
            int replication = stack.kafka().replicationFactor();
            EnrichConfig enrichConfig = EnrichConfig.defaults(staticMember(cluster, "enrich"))
                    .withStateDir(state.resolve("enrich"))
                    .withReplicationFactor(replication);
            running.push(EnrichService.start(enrichConfig));
            AlertConfig alertConfig = AlertConfig.defaults(staticMember(cluster, "alert"))
                    .withStateDir(state.resolve("alert"))
                    .withHttpPort(port)
                    .withReplicationFactor(replication);
            AlertService alerts = listening(List.of(alertListener), () -> AlertService.start(alertConfig));
            running.push(alerts);
            AlertPrinter printer = new AlertPrinter(
                            cluster,
                            topics.alerts(),
                            out,
                            alertsFile == null ? null : alertsFile.writer(),
                            fromBeginning)
                    .start();
            running.push(printer);
            IngestService ingest = listening(
                    List.of(ingestListener),
                    () -> IngestService.start(IngestConfig.defaults(cluster).withHttpPort(ingestPort)));
            running.push(ingest);
            LOG.info(
                    "Wirewatch is up in {} ms: Kafka {}, schema registry {}, alert page http://localhost:{}/{} (log: {})",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    stack.bootstrapServers(),
                    stack.schemaRegistryUrl(),
                    alerts.http().port(),
                    ingest.httpPort() > 0 ? ", POST /articles on port " + ingest.httpPort() : "",
                    LogFile.path());

            CompletableFuture<IngestSummary> replayed =
                    CompletableFuture.supplyAsync(() -> ingest.ingest(source, pacing));
            replayed.whenComplete((summary, error) -> {
                if (error != null) {
                    LOG.error("Replay of {} failed: {}", source, Wirewatch.summary(error));
                } else {
                    LOG.info(
                            "Replayed {}: {} published ({} near-duplicates), {} duplicates, {} rejected",
                            source,
                            summary.published(),
                            summary.nearDuplicates(),
                            summary.duplicates(),
                            summary.rejected());
                }
            });
            if (exitWhenIdle) {
                try {
                    replayed.join();
                } catch (CompletionException e) {
                    throw CliError.failed(
                            "the replay of " + source + " failed: " + Wirewatch.summary(e.getCause()), e.getCause());
                }
                awaitIdle(stack, topics, enrichConfig.applicationId(), alertConfig.applicationId(), printer, stop);
                LOG.info("Idle: {} alert versions printed; stopping", printer.printed());
                return 0;
            }
            stop.await();
            return 0;
        } finally {
            // On Ctrl-C the hook closes everything (and the JVM is exiting, so the hook cannot be removed).
            if (!signalled.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
                closeAll(running);
            }
        }
    }

    /**
     * Streams does not leave its consumer group on close, so a restarted application would wait out its previous
     * members' session (45 s) before processing again; as a static member (one fixed instance id per application,
     * Streams adds the thread) a restarted {@code up} on a kept --data-dir takes its old place at once.
     */
    private static ClusterConfig staticMember(ClusterConfig cluster, String service) {
        return cluster.withClientProperty(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "wirewatch-up-" + service);
    }

    private EmbeddedStack.Options stackOptions() {
        EmbeddedStack.Options options = EmbeddedStack.Options.defaults()
                .withKafkaPort(kafkaPort)
                .withRegistryPort(registryPort)
                .withBrokers(brokers);
        return dataDir == null ? options : options.withDataDir(dataDir.resolve("kafka"));
    }

    /** Valid port numbers, no fixed port given twice, each fixed port free: else one line naming the port and flag. */
    private static void requireFree(List<ListenPort> listeners) {
        listeners.forEach(ListenPort::requireValid);
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = i + 1; j < listeners.size(); j++) {
                ListenPort a = listeners.get(i);
                ListenPort b = listeners.get(j);
                if (a.fixed() && a.port() == b.port()) {
                    throw CliError.usage(a.flag() + " and " + b.flag() + " both ask for port " + a.port()
                            + "; give one of them another port (0 picks a free one)");
                }
            }
        }
        for (ListenPort listener : listeners) {
            listener.problem().ifPresent(error -> {
                throw error;
            });
        }
    }

    /**
     * Starts what listens on these ports. A port taken between the check above and the bind (another process was
     * quicker) fails the same way: one line naming the port and its flag.
     */
    static <T> T listening(List<ListenPort> listeners, Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (Exception e) {
            Optional<Throwable> bind = ListenPort.bindFailure(e);
            if (bind.isEmpty()) {
                throw e;
            }
            String messages = messages(e);
            for (ListenPort listener : listeners) {
                if (listener.fixed() && messages.matches("(?s).*\\b" + listener.port() + "\\b.*")) {
                    throw listener.unavailable(bind.get());
                }
            }
            throw listeners.get(0).unavailable(bind.get());
        }
    }

    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** Opens (replacing) the alerts file before anything starts, so a path that cannot be written is one line. */
    private static AlertsFile openAlertsFile(Path path) {
        try {
            return new AlertsFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw CliError.usage("cannot write --alerts-out " + path + ": no such directory");
        } catch (AccessDeniedException e) {
            throw CliError.usage("cannot write --alerts-out " + path + ": permission denied");
        } catch (IOException e) {
            throw CliError.usage("cannot write --alerts-out " + path + ": " + e.getMessage());
        }
    }

    /** The alerts file, closed with everything else when {@code up} stops. */
    private record AlertsFile(BufferedWriter writer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /** Waits until both Streams applications have committed everything their inputs hold and every alert is printed. */
    private static void awaitIdle(
            EmbeddedStack stack,
            Topics topics,
            String enrichId,
            String alertId,
            AlertPrinter printer,
            CountDownLatch stop)
            throws InterruptedException {
        try (Admin admin = Admin.create(stack.clusterConfig().kafkaProperties())) {
            int quietChecks = 0;
            // Two quiet checks in a row: a record in flight between enrich's commit and alert's poll shows as lag.
            while (quietChecks < 2 && stop.getCount() > 0) {
                Thread.sleep(IDLE_CHECK.toMillis());
                if (printer.failure() != null) {
                    throw CliError.failed(
                            "stopped printing alerts: " + Wirewatch.summary(printer.failure()), printer.failure());
                }
                long lag = ConsumerLag.of(
                                admin, enrichId, List.of(topics.articlesRaw().name()))
                        + ConsumerLag.of(
                                admin,
                                alertId,
                                List.of(
                                        topics.diplomaticByEvent().name(),
                                        topics.casualtiesByPlace().name()));
                quietChecks = lag == 0 && printer.caughtUp() ? quietChecks + 1 : 0;
            }
        }
    }

    private static Path defaultSeeds() {
        String home = System.getProperty("wirewatch.home", System.getenv().getOrDefault("WIREWATCH_HOME", "."));
        return Path.of(home).resolve("seeds");
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        synchronized (running) {
            while (!running.isEmpty()) {
                AutoCloseable next = running.pop();
                try {
                    next.close();
                } catch (Exception e) {
                    LOG.warn("Error while stopping {}: {}", next.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    /**
     * Refuses to start on a nearly full filesystem: the broker would fail part-way through a segment and the state
     * stores mid-flush, leaving an operator a log to repair instead of one line now.
     */
    static void requireFreeSpace(Path dataDir, long minimum) {
        Path existing = dataDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long usable;
        try {
            usable = Files.getFileStore(existing).getUsableSpace();
        } catch (java.io.IOException e) {
            throw CliError.failed("cannot tell the free space of --data-dir " + dataDir + ": " + e.getMessage(), e);
        }
        if (usable < minimum) {
            throw CliError.failed(
                    "only " + megabytes(usable) + " free on the filesystem of --data-dir " + dataDir
                            + "; the broker and the state stores need at least " + megabytes(minimum)
                            + ": free some space or choose another --data-dir",
                    null);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
