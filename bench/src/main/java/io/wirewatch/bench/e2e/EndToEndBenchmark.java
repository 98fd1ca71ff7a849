package io.wirewatch.bench.e2e;

import io.wirewatch.bench.corpus.CorpusGenerator;
import io.wirewatch.bench.corpus.GeneratedArticle;
import io.wirewatch.bench.e2e.PipelineRun.Outcome;
import io.wirewatch.bench.e2e.PipelineRun.Scenario;
import io.wirewatch.devstack.EmbeddedStack;
import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.ingest.source.RawArticle;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End to end on one embedded broker + registry: the raw Kafka transport limit first, then the pipeline (ingest's
 * pipeline, enrich-service, alert-service, all in this JVM) at fixed offered rates for latency, and flat out with 1, 2
 * and 4 stream threads for throughput and scaling. Prints one table; ratios are to the raw transport of the same run.
 */
@Command(
        name = "e2e",
        mixinStandardHelpOptions = true,
        description = "End-to-end throughput and ingest->alert latency on the embedded stack, beside raw Kafka.")
public final class EndToEndBenchmark implements Callable<Integer> {

    @Option(names = "--partitions", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions = 4;

    @Option(names = "--rates", split = ",", description = "Offered articles/s for the latency runs (default: 50,200).")
    List<Double> rates = List.of(50.0, 200.0);

    @Option(names = "--rate-seconds", description = "Length of each fixed-rate run (default: ${DEFAULT-VALUE}).")
    int rateSeconds = 20;

    @Option(
            names = "--threads",
            split = ",",
            description = "Stream threads per service for the flat-out runs " + "(default: 1,2,4).")
    List<Integer> threads = List.of(1, 2, 4);

    @Option(
            names = "--max-articles",
            description = "Articles offered in each flat-out run (default: ${DEFAULT-VALUE}).")
    int maxArticles = 6_000;

    @Option(
            names = "--warmup-articles",
            description = "Articles of a first, unreported run that warms the JIT "
                    + "(default: ${DEFAULT-VALUE}; 0 for none). On 2 cores C2 needs minutes to compile broker, clients, "
                    + "Streams and services; shorter warm-ups measure the compiler as much as the pipeline.")
    int warmupArticles = 30_000;

    @Option(
            names = "--settle-seconds",
            description = "Seconds of each fixed-rate run before latencies count as "
                    + "steady state; the table also gives the p99 of every record (default: ${DEFAULT-VALUE}).")
    int settleSeconds = 5;

    @Option(names = "--raw-records", description = "Records in the raw Kafka run (default: ${DEFAULT-VALUE}).")
    int rawRecords = 20_000;

    @Option(
            names = "--no-pass-through",
            description = "Skip the pass-through run after each flat-out run (the same "
                    + "topologies with the extractor and the rules as identity functions).")
    boolean noPassThrough;

    @Option(names = "--raw-only", description = "Measure only the raw Kafka transport.")
    boolean rawOnly;

    @Option(
            names = "--corpus-size",
            description = "Generated articles to draw from (default: ${DEFAULT-VALUE}: "
                    + "more than the warm-up, whose repeats ingest would drop as duplicates).")
    int corpusSize = 40_000;

    @Option(names = "--corpus-seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long corpusSeed = 42;

    @Option(
            names = "--brokers",
            split = ",",
            paramLabel = "N",
            description = "Embedded brokers, one cluster per "
                    + "count: everything runs on the first; each further count (e.g. --brokers 1,3) gets a fresh cluster and "
                    + "the flat-out runs again, so replication 1 and replication 3 (min.insync.replicas 2) are measured in one "
                    + "run (default: 1).")
    List<Integer> brokers = List.of(1);

    @Option(
            names = "--variant-client-property",
            paramLabel = "KEY=VALUE",
            description = "A/B in one run: after the "
                    + "flat-out runs, one more flat-out pipeline run (first thread count) with these properties added to "
                    + "--client-property, followed by its own pass-through with the same properties (a line "
                    + "e2e-ratio[<properties>] before the last); repeatable. E.g. compression.type=zstd.")
    Map<String, String> variantProperties = new LinkedHashMap<>();

    @Option(
            names = "--variant",
            paramLabel = "KEY=VALUE[,KEY=VALUE...]",
            description = "A/B/C in one run: after the other runs, the defaults (--client-property) and each variant "
                    + "(these properties added) each run every --rates rate and one flat-out run (first thread count), "
                    + "in --variant-rounds rounds whose order rotates, so that load and JIT warmth fall on all alike; "
                    + "a table and one line e2e-variant[<variant>] each. Keys prefixed enrich. or alert. go to that "
                    + "service only (enrich.commit.interval.ms=20). Repeatable.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--variant-rounds", description = "Rounds of the --variant comparison (default: ${DEFAULT-VALUE}).")
    int variantRounds = 2;

    @Option(
            names = "--jfr",
            paramLabel = "DIR",
            description = "Record each measured run with Java Flight Recorder "
                    + "(the 'profile' settings) into DIR/run-<n>.jfr, for finding where the time goes.")
    Path jfrDir;

    @Option(
            names = "--client-property",
            paramLabel = "KEY=VALUE",
            description = "A Kafka client or Streams "
                    + "property handed to enrich and alert (as KAFKA_* variables would be), e.g. fetch.max.wait.ms=50; "
                    + "repeatable. For trying a tuning before it becomes a default.")
    Map<String, String> clientProperties = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        List<GeneratedArticle> generated =
                CorpusGenerator.generate(CorpusGenerator.Settings.defaults(corpusSize, corpusSeed));
        List<RawArticle> corpus = generated.stream()
                .map(a -> new RawArticle(
                        a.id(), a.url(), a.source(), a.title(), a.publishedAt(), a.text(), "bench:" + a.id()))
                .toList();
        List<byte[]> payloads = generated.stream()
                .map(a -> a.text().getBytes(StandardCharsets.UTF_8))
                .toList();
        double averageBytes =
                payloads.stream().mapToInt(p -> p.length).average().orElse(0);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path workDir = Files.createTempDirectory("wirewatch-bench-");
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<Outcome>> comparison = new LinkedHashMap<>();
        RawTransport.Result raw;
        int run = 0;
        try {
            try (EmbeddedStack stack =
                    EmbeddedStack.start(EmbeddedStack.Options.defaults().withBrokers(brokers.get(0)))) {
                // A first, unreported pass warms the JIT and the broker (log segments, producer id) for the measured
                // one.
                stack.createTopics(partitions, "bench.raw-transport-warmup", "bench.raw-transport");
                RawTransport.run(
                        stack.clusterConfig().kafkaProperties(),
                        "bench.raw-transport-warmup",
                        partitions,
                        payloads,
                        Math.max(1, rawRecords / 4));
                raw = RawTransport.run(
                        stack.clusterConfig().kafkaProperties(),
                        "bench.raw-transport",
                        partitions,
                        payloads,
                        rawRecords);
                PipelineRun runner =
                        new PipelineRun(stack, workDir, clientProperties, Duration.ofSeconds(settleSeconds));
                if (rawOnly) {
                    rates = List.of();
                    threads = List.of();
                } else if (warmupArticles > 0) {
                    runner.run(new Scenario("warm-up", 0, 1, partitions, warmupArticles), corpus, run++);
                }
                for (double rate : rates) {
                    int number = run++;
                    outcomes.add(recorded(
                            number,
                            () -> runner.run(
                                    new Scenario(String.format(Locale.ROOT, "%.0f/s", rate), rate, 1, partitions, (int)
                                            Math.round(rate * rateSeconds)),
                                    shifted(corpus, number),
                                    number)));
                }
                for (int threadCount : threads) {
                    Scenario flatOut =
                            new Scenario(flatOutLabel(brokers.get(0)), 0, threadCount, partitions, maxArticles);
                    int number = run++;
                    outcomes.add(recorded(number, () -> runner.run(flatOut, shifted(corpus, number), number)));
                    if (!noPassThrough) {
                        // Right after, on the same articles: the machine is shared, so the two runs should see the same
                        // load.
                        int passNumber = run++;
                        outcomes.add(recorded(
                                passNumber,
                                () -> runner.run(flatOut.asPassThrough(), shifted(corpus, number), passNumber)));
                    }
                }
                if (!variantProperties.isEmpty() && !threads.isEmpty()) {
                    Map<String, String> variant = new LinkedHashMap<>(clientProperties);
                    variant.putAll(variantProperties);
                    PipelineRun variantRunner =
                            new PipelineRun(stack, workDir, variant, Duration.ofSeconds(settleSeconds));
                    int number = run++;
                    // The same articles as the first flat-out run, so that only the properties differ.
                    int firstFlatOut = number - threads.size() * (noPassThrough ? 1 : 2);
                    Scenario variantFlatOut =
                            new Scenario("max " + variantProperties, 0, threads.get(0), partitions, maxArticles);
                    outcomes.add(recorded(
                            number, () -> variantRunner.run(variantFlatOut, shifted(corpus, firstFlatOut), number)));
                    if (!noPassThrough) {
                        // The variant's own pass-through, with the same properties, right after it: its ratio is read
                        // against a ceiling measured under the same load and the same JIT as the variant.
                        int passNumber = run++;
                        outcomes.add(recorded(
                                passNumber,
                                () -> variantRunner.run(
                                        variantFlatOut.asPassThrough(), shifted(corpus, firstFlatOut), passNumber)));
                    }
                }
                if (!variants.isEmpty()) {
                    run = compareVariants(stack, workDir, corpus, run, comparison);
                }
            }
            // The same flat-out runs on each further cluster, after the first one's runs warmed the JIT.
            for (int count : brokers.subList(1, brokers.size())) {
                try (EmbeddedStack cluster =
                        EmbeddedStack.start(EmbeddedStack.Options.defaults().withBrokers(count))) {
                    PipelineRun clusterRunner =
                            new PipelineRun(cluster, workDir, clientProperties, Duration.ofSeconds(settleSeconds));
                    for (int threadCount : threads) {
                        Scenario flatOut = new Scenario(flatOutLabel(count), 0, threadCount, partitions, maxArticles);
                        int number = run++;
                        outcomes.add(
                                recorded(number, () -> clusterRunner.run(flatOut, shifted(corpus, number), number)));
                    }
                }
            }
        } finally {
            PipelineRun.deleteRecursively(workDir);
        }
        comparison.values().forEach(outcomes::addAll);
        System.out.println(table(raw, averageBytes, outcomes, settleSeconds));
        if (!comparison.isEmpty()) {
            System.out.println(variantTable(comparison, variantRounds));
        }
        // The machine is shared: the load says how much of it the numbers above had.
        System.out.printf(
                Locale.ROOT,
                "System load average (1 min): %.1f before, %.1f after, on %d cores%n",
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        // A variant's line first, labelled; the unlabelled line of the defaults stays last, for scripts.
        variantLines(comparison).forEach(System.out::println);
        variantRatioLines(outcomes).forEach(System.out::println);
        String ratio = ratioLine(outcomes);
        if (ratio != null) {
            System.out.println(ratio);
        }
        return 0;
    }

    /**
     * The {@code --variant} comparison: the defaults and each variant, every rate and one flat-out run each, in rounds
     * whose order rotates by one each round. Adds each configuration's outcomes to {@code comparison} under its label
     * ({@value #DEFAULTS} first) and returns the next run number.
     */
    private int compareVariants(
            EmbeddedStack stack,
            Path workDir,
            List<RawArticle> corpus,
            int firstRun,
            Map<String, List<Outcome>> comparison)
            throws Exception {
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        configurations.put(DEFAULTS, clientProperties);
        for (String variant : variants) {
            Map<String, String> properties = new LinkedHashMap<>(clientProperties);
            properties.putAll(parseProperties(variant));
            configurations.put(variant, properties);
        }
        List<String> labels = new ArrayList<>(configurations.keySet());
        labels.forEach(label -> comparison.put(label, new ArrayList<>()));
        int run = firstRun;
        for (int round = 0; round < variantRounds; round++) {
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get((i + round) % labels.size());
                PipelineRun runner =
                        new PipelineRun(stack, workDir, configurations.get(label), Duration.ofSeconds(settleSeconds));
                for (double rate : rates) {
                    int number = run++;
                    Scenario scenario = new Scenario(
                            String.format(Locale.ROOT, "%.0f/s [%s] round %d", rate, label, round + 1),
                            rate,
                            1,
                            partitions,
                            (int) Math.round(rate * rateSeconds));
                    comparison
                            .get(label)
                            .add(recorded(number, () -> runner.run(scenario, shifted(corpus, number), number)));
                }
                if (!threads.isEmpty()) {
                    int number = run++;
                    Scenario flatOut = new Scenario(
                            String.format(Locale.ROOT, "max [%s] round %d", label, round + 1),
                            0,
                            threads.get(0),
                            partitions,
                            maxArticles);
                    comparison
                            .get(label)
                            .add(recorded(number, () -> runner.run(flatOut, shifted(corpus, number), number)));
                }
            }
        }
        return run;
    }

    static final String DEFAULTS = "defaults";

    /** {@code K=V,K=V} as an ordered map. */
    static Map<String, String> parseProperties(String list) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--variant wants KEY=VALUE[,KEY=VALUE...], got " + list);
            }
            properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return properties;
    }

    /**
     * The comparison's table: per configuration, the steady latencies of every round of its first rate merged (and
     * each round's p99), flat out articles/s per round and their mean against the defaults', and CPU per article
     * without the JIT at that rate and flat out.
     */
    static String variantTable(Map<String, List<Outcome>> comparison, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Variants (%d rounds, order rotated each round; steady latencies of all rounds merged)%n%n",
                rounds));
        out.append("| variant | rate | ingest->alert p50 / p95 / p99 ms | p99 per round | p99, every record "
                + "| CPU ms per article at the rate | flat out articles/s per round | mean | of defaults "
                + "| CPU ms per article flat out |\n");
        out.append("|---|---:|---|---|---:|---:|---|---:|---:|---:|\n");
        double baseline = Double.NaN;
        for (Map.Entry<String, List<Outcome>> entry : comparison.entrySet()) {
            VariantSummary v = VariantSummary.of(entry.getValue());
            if (Double.isNaN(baseline)) {
                baseline = v.flatOutMean();
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %.2f | %s | %.0f | %.2f | %.2f |%n",
                    entry.getKey(),
                    v.rate() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f/s", v.rate()),
                    percentiles(v.steady()),
                    v.p99PerRound(),
                    v.all().getTotalCount() == 0 ? "n/a" : v.all().getValueAtPercentile(99) + " ms",
                    v.cpuAtRate(),
                    v.flatOutPerRound(),
                    v.flatOutMean(),
                    v.flatOutMean() / baseline,
                    v.cpuFlatOut()));
        }
        return out.toString();
    }

    /** One line per configuration of the comparison, for scripts: {@code e2e-variant[<variant>]: ...}. */
    static List<String> variantLines(Map<String, List<Outcome>> comparison) {
        List<String> lines = new ArrayList<>();
        double baseline = Double.NaN;
        for (Map.Entry<String, List<Outcome>> entry : comparison.entrySet()) {
            VariantSummary v = VariantSummary.of(entry.getValue());
            if (Double.isNaN(baseline)) {
                baseline = v.flatOutMean();
            }
            Histogram steady = v.steady();
            lines.add(String.format(
                    Locale.ROOT,
                    "e2e-variant[%s]: p50=%s p95=%s p99=%s flat=%.0f flat_ratio=%.2f cpu_rate=%.2f cpu_flat=%.2f",
                    entry.getKey(),
                    percentile(steady, 50),
                    percentile(steady, 95),
                    percentile(steady, 99),
                    v.flatOutMean(),
                    v.flatOutMean() / baseline,
                    v.cpuAtRate(),
                    v.cpuFlatOut()));
        }
        return lines;
    }

    private static String percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "n/a" : Long.toString(histogram.getValueAtPercentile(percentile));
    }

    /** A configuration's runs in the comparison, summed: its first rate's runs and its flat-out runs. */
    record VariantSummary(List<Outcome> atRate, List<Outcome> flatOut) {
        static VariantSummary of(List<Outcome> outcomes) {
            double firstRate = outcomes.stream()
                    .mapToDouble(o -> o.scenario().offeredRate())
                    .filter(rate -> rate > 0)
                    .findFirst()
                    .orElse(0);
            return new VariantSummary(
                    outcomes.stream()
                            .filter(o -> firstRate > 0 && o.scenario().offeredRate() == firstRate)
                            .toList(),
                    outcomes.stream()
                            .filter(o -> o.scenario().offeredRate() == 0)
                            .toList());
        }

        double rate() {
            return atRate.isEmpty() ? 0 : atRate.get(0).scenario().offeredRate();
        }

        Histogram steady() {
            return merged(atRate, Outcome::toAlert);
        }

        Histogram all() {
            return merged(atRate, Outcome::toAlertAll);
        }

        String p99PerRound() {
            return atRate.stream()
                    .map(o -> o.toAlert().getTotalCount() == 0
                            ? "n/a"
                            : Long.toString(o.toAlert().getValueAtPercentile(99)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        double cpuAtRate() {
            return workPerArticle(atRate);
        }

        double cpuFlatOut() {
            return workPerArticle(flatOut);
        }

        String flatOutPerRound() {
            return flatOut.stream()
                    .map(o -> String.format(Locale.ROOT, "%.0f", o.pipelinePerSecond()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        double flatOutMean() {
            return flatOut.stream()
                    .mapToDouble(Outcome::pipelinePerSecond)
                    .average()
                    .orElse(Double.NaN);
        }

        private static Histogram merged(List<Outcome> outcomes, java.util.function.Function<Outcome, Histogram> which) {
            Histogram merged = new Histogram(3_600_000L, 3);
            outcomes.forEach(o -> merged.add(which.apply(o)));
            return merged;
        }

        /** CPU ms per article without the JIT, over all the runs together. */
        private static double workPerArticle(List<Outcome> outcomes) {
            Map<String, Long> cpu = new LinkedHashMap<>();
            int published = 0;
            for (Outcome o : outcomes) {
                o.cpuNanos().forEach((group, nanos) -> cpu.merge(group, nanos, Long::sum));
                published += o.published();
            }
            return published == 0 ? Double.NaN : CpuAccount.workPerArticle(cpu, published);
        }
    }

    /** "max", or with several broker counts "max, N broker(s)" (replication 1 on one broker, 3 on three or more). */
    private String flatOutLabel(int brokerCount) {
        return brokers.size() == 1
                ? "max"
                : String.format(
                        Locale.ROOT,
                        "max, %d broker%s (rf %d)",
                        brokerCount,
                        brokerCount == 1 ? "" : "s",
                        Math.min(3, brokerCount));
    }

    /** Runs {@code run}, under a flight recording into {@code --jfr} when one was asked for. */
    private Outcome recorded(int run, Callable<Outcome> pipelineRun) throws Exception {
        if (jfrDir == null) {
            return pipelineRun.call();
        }
        Files.createDirectories(jfrDir);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setToDisk(true);
            recording.start();
            Outcome outcome = pipelineRun.call();
            recording.stop();
            recording.dump(jfrDir.resolve("run-" + run + ".jfr"));
            return outcome;
        }
    }

    /** Each run starts at another place in the corpus, so no run replays the articles of the one before. */
    private static List<RawArticle> shifted(List<RawArticle> corpus, int run) {
        int offset = (run * 3_001) % corpus.size();
        List<RawArticle> rotated = new ArrayList<>(corpus.subList(offset, corpus.size()));
        rotated.addAll(corpus.subList(0, offset));
        return rotated;
    }

    /**
     * The line a script reads, last: the first flat-out pipeline run's articles/s, its pass-through partner's
     * records/s, their ratio, and the steady p99 ingest->alert of the 50/s run (n/a without one); then
     * {@code cpu_ratio}, the pass-through's CPU per article over the pipeline's (JIT excluded): the ratio the two would
     * have if CPU were all they waited for, which other load on a shared machine disturbs less than the wall-clock one.
     */
    static String ratioLine(List<Outcome> outcomes) {
        Outcome pipeline = outcomes.stream()
                .filter(o -> o.scenario().offeredRate() == 0 && !o.scenario().passThrough())
                .findFirst()
                .orElse(null);
        Outcome passThrough = pipeline == null ? null : passThroughOf(pipeline, outcomes);
        if (passThrough == null) {
            return null;
        }
        String p99 = outcomes.stream()
                .filter(o -> o.scenario().offeredRate() == 50 && !o.scenario().passThrough())
                .findFirst()
                .filter(o -> o.toAlert().getTotalCount() > 0)
                .map(o -> Long.toString(o.toAlert().getValueAtPercentile(99)))
                .orElse("n/a");
        return String.format(
                Locale.ROOT,
                "e2e-ratio: pipeline=%.0f passthrough=%.0f ratio=%.2f p99_50=%s cpu_ratio=%.2f",
                pipeline.pipelinePerSecond(),
                passThrough.pipelinePerSecond(),
                pipeline.pipelinePerSecond() / passThrough.pipelinePerSecond(),
                p99,
                CpuAccount.workPerArticle(passThrough.cpuNanos(), passThrough.published())
                        / CpuAccount.workPerArticle(pipeline.cpuNanos(), pipeline.published()));
    }

    /**
     * {@code e2e-ratio[<variant>]: ...} for each flat-out run after the first that has its own pass-through (the
     * {@code --variant-client-property} run): the same fields as {@link #ratioLine}, the variant against its own
     * pass-through. Its 50/s latency is not measured ({@code p99_50=n/a}).
     */
    static List<String> variantRatioLines(List<Outcome> outcomes) {
        List<Outcome> flatOut = outcomes.stream()
                .filter(o -> o.scenario().offeredRate() == 0 && !o.scenario().passThrough())
                .toList();
        List<String> lines = new ArrayList<>();
        for (Outcome variant : flatOut.subList(Math.min(1, flatOut.size()), flatOut.size())) {
            Outcome passThrough = passThroughOf(variant, outcomes);
            if (passThrough != null && variant.scenario().label().startsWith("max {")) {
                lines.add(String.format(
                        Locale.ROOT,
                        "e2e-ratio[%s]: pipeline=%.0f passthrough=%.0f ratio=%.2f p99_50=n/a cpu_ratio=%.2f",
                        variant.scenario().label().substring("max ".length()),
                        variant.pipelinePerSecond(),
                        passThrough.pipelinePerSecond(),
                        variant.pipelinePerSecond() / passThrough.pipelinePerSecond(),
                        CpuAccount.workPerArticle(passThrough.cpuNanos(), passThrough.published())
                                / CpuAccount.workPerArticle(variant.cpuNanos(), variant.published())));
            }
        }
        return lines;
    }

    /** The pass-through run of the same thread count as a flat-out pipeline run, if there was one. */
    private static Outcome passThroughOf(Outcome pipeline, List<Outcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.scenario().passThrough()
                        && o.scenario().offeredRate() == 0
                        && o.scenario().streamThreads() == pipeline.scenario().streamThreads()
                        && o.scenario().label().equals(pipeline.scenario().label() + " pass-through"))
                .findFirst()
                .orElse(null);
    }

    static String table(RawTransport.Result raw, double averageBytes, List<Outcome> outcomes, int settleSeconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nRaw Kafka transport (same broker, same run): %,.0f records/s "
                        + "(%.1f MB/s), %d records of %.1f KB on average, %d partitions, acks=all, lz4%n",
                raw.recordsPerSecond(),
                raw.megabytesPerSecond(),
                raw.records(),
                averageBytes / 1024,
                raw.partitions()));
        out.append("Extractor: ")
                .append(ArticleExtractor.VERSION)
                .append(String.format(
                        Locale.ROOT,
                        "; %d cores; broker, registry, ingest, enrich, alert and the measuring consumer share one JVM%n%n",
                        Runtime.getRuntime().availableProcessors()));
        out.append("| Offered | Stream threads | Partitions | Offered | Published | Alerts | Achieved offer/s "
                + "| Enriched/s | Ingest->alerts/s | % of raw Kafka | of pass-through | ingest->enriched p50/p95/p99 ms "
                + "| ingest->alert p50/p95/p99 ms | ingest->alert p99, every record "
                + "| CPU ms per article | JIT compiling s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            Outcome passThrough =
                    o.scenario().passThrough() || o.scenario().offeredRate() > 0 ? null : passThroughOf(o, outcomes);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %,d | %,d | %,d | %,.0f | %,.0f | %,.0f | %.1f%% | %s | %s | %s | %s | %.2f | %.1f |%n",
                    o.scenario().label(),
                    o.scenario().streamThreads(),
                    o.scenario().partitions(),
                    o.offered(),
                    o.published(),
                    o.alerts(),
                    o.offeredPerSecond(),
                    o.enrichedPerSecond(),
                    o.pipelinePerSecond(),
                    100 * o.pipelinePerSecond() / raw.recordsPerSecond(),
                    passThrough == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%.2f", o.pipelinePerSecond() / passThrough.pipelinePerSecond()),
                    percentiles(o.toEnriched()),
                    percentiles(o.toAlert()),
                    o.toAlertAll().getTotalCount() == 0 ? "n/a" : o.toAlertAll().getValueAtPercentile(99) + " ms",
                    CpuAccount.totalPerArticle(o.cpuNanos(), o.published()),
                    o.compileSeconds()));
        }
        out.append("\nCPU per article by part (ms):\n");
        for (Outcome o : outcomes) {
            out.append(String.format(
                    Locale.ROOT,
                    "- %s, %d thread(s): %s%n",
                    o.scenario().label(),
                    o.scenario().streamThreads(),
                    o.cpuPerArticle()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nFixed-rate latencies count records consumed after the first %d s of "
                        + "the run (steady state); 'every record' includes those first seconds.%n",
                settleSeconds));
        // Scaling with threads on the first cluster's pipeline runs only: pass-throughs and further clusters are other
        // comparisons.
        String firstFlatOut = outcomes.stream()
                .filter(o -> o.scenario().offeredRate() == 0 && !o.scenario().passThrough())
                .map(o -> o.scenario().label())
                .findFirst()
                .orElse("");
        List<Outcome> flatOut = outcomes.stream()
                .filter(o -> o.scenario().label().equals(firstFlatOut)
                        && !o.scenario().passThrough())
                .toList();
        if (flatOut.size() > 1) {
            out.append("\nScaling (flat out, ingest->alerts/s relative to 1 thread): ");
            double base = flatOut.get(0).pipelinePerSecond();
            for (Outcome o : flatOut) {
                out.append(String.format(
                        Locale.ROOT,
                        "%d thread(s) %.2fx  ",
                        o.scenario().streamThreads(),
                        o.pipelinePerSecond() / base));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String percentiles(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "n/a (none)";
        }
        return String.format(
                Locale.ROOT,
                "%d / %d / %d (n=%d)",
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99),
                histogram.getTotalCount());
    }
}
