package io.wirewatch.bench.extraction;

import io.wirewatch.enrich.extract.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs {@link ExtractionBenchmark} and {@link CoreNlpPeerBenchmark} in one JMH run (one forked JVM each, the GC
 * profiler on) and prints articles/s per core, bytes allocated per article and the ratio between the two.
 */
@Command(
        name = "extraction",
        mixinStandardHelpOptions = true,
        description = "JMH: Wirewatch's extraction library against a CoreNLP tokenize,ssplit,pos,lemma,ner peer.")
public final class ExtractionRun implements Callable<Integer> {

    /** One benchmark's numbers. */
    public record Row(
            String name, double articlesPerSecond, double error, double articlesPerCpuSecond, double bytesPerArticle) {}

    @Option(names = "--corpus-size", description = "Generated articles (default: ${DEFAULT-VALUE}).")
    int corpusSize = 10_000;

    @Option(names = "--corpus-seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long corpusSeed = 42;

    @Option(names = "--seeds", description = "Seed directory added to the corpus (default: ${DEFAULT-VALUE}).")
    Path seedsDir = Path.of("seeds");

    @Option(names = "--warmup", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmupIterations = 2;

    @Option(names = "--iterations", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations = 3;

    @Option(names = "--seconds", description = "Seconds per iteration (default: ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(
            names = "--settle-seconds",
            description = "Before the warm-up, run Wirewatch's extractor until the JIT falls quiet, at most this long "
                    + "(default: ${DEFAULT-VALUE}; 0: off).")
    int settleSeconds = 240;

    @Option(
            names = "--skip-corenlp",
            description = "Run only Wirewatch's extractor (the peer loads ~0.5 GB of models).")
    boolean skipCoreNlp;

    @Option(
            names = "--languages",
            split = ",",
            description =
                    "Corpus languages for Wirewatch (default: ${DEFAULT-VALUE}); the " + "peer reads English only.")
    List<String> languages = List.of("en", "fr", "es");

    @Override
    public Integer call() throws RunnerException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = run();
        System.out.println(table(rows, corpusSize, seedsDir));
        // The machine is shared: the load says how much of a core each fork really had.
        System.out.printf(
                Locale.ROOT,
                "System load average (1 min): %.1f before, %.1f after, on %d cores%n",
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    public List<Row> run() throws RunnerException {
        List<RunResult> results = new java.util.ArrayList<>(
                runner(ExtractionBenchmark.class.getName() + ".*", true, languages.toArray(String[]::new)));
        if (!skipCoreNlp) {
            results.addAll(runner(CoreNlpPeerBenchmark.class.getName() + ".*", false, "en"));
        }
        return results.stream().map(ExtractionRun::row).toList();
    }

    private Collection<RunResult> runner(String include, boolean settle, String... corpusLanguages)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .param("language", corpusLanguages)
                .param("corpusSize", String.valueOf(corpusSize))
                .param("corpusSeed", String.valueOf(corpusSeed))
                .param("seedsDir", seedsDir.toAbsolutePath().toString())
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.SECONDS)
                .forks(1)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (settle) {
            options.param("settleSeconds", String.valueOf(settleSeconds));
        }
        return new Runner(options.build()).run();
    }

    private static Row row(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double bytes = Optional.ofNullable(result.getSecondaryResults().get("gc.alloc.rate.norm"))
                .map(Result::getScore)
                .orElse(Double.NaN);
        var secondary = result.getSecondaryResults();
        double perCpuSecond = secondary.containsKey("articles") && secondary.containsKey("cpuNanos")
                ? secondary.get("articles").getScore()
                        / (secondary.get("cpuNanos").getScore() / 1e9)
                : Double.NaN;
        String benchmark = result.getParams().getBenchmark();
        String name = benchmark.contains(CoreNlpPeerBenchmark.class.getSimpleName())
                ? "CoreNLP 4.5.10 tokenize,ssplit,pos,lemma,ner"
                : "Wirewatch ArticleExtractor " + ArticleExtractor.VERSION + " ("
                        + result.getParams().getParam("language") + ")";
        return new Row(name, primary.getScore(), primary.getScoreError(), perCpuSecond, bytes);
    }

    /** A Markdown table, with the ratio of the first row to the CoreNLP row when both ran. */
    public static String table(List<Row> rows, int corpusSize, Path seedsDir) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nExtraction, one thread (corpus: %,d generated articles without exact "
                        + "duplicates, plus the seeds in %s)%n%n",
                corpusSize,
                seedsDir));
        out.append("| Library | articles/s (wall clock, one thread) | ± (99.9%) | articles per CPU-second "
                + "| allocated per article |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.1f | %,.1f | %,.1f | %s |%n",
                    row.name(),
                    row.articlesPerSecond(),
                    row.error(),
                    row.articlesPerCpuSecond(),
                    Double.isNaN(row.bytesPerArticle())
                            ? "n/a"
                            : String.format(Locale.ROOT, "%,.0f KB", row.bytesPerArticle() / 1024)));
        }
        Optional<Row> ours =
                rows.stream().filter(r -> r.name().startsWith("Wirewatch")).findFirst();
        Optional<Row> peer =
                rows.stream().filter(r -> r.name().startsWith("CoreNLP")).findFirst();
        if (ours.isPresent() && peer.isPresent()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nWirewatch / CoreNLP: %.1fx the wall-clock throughput, %.1fx per "
                            + "CPU-second, %.3fx the allocation per article%n",
                    ours.get().articlesPerSecond() / peer.get().articlesPerSecond(),
                    ours.get().articlesPerCpuSecond() / peer.get().articlesPerCpuSecond(),
                    ours.get().bytesPerArticle() / peer.get().bytesPerArticle()));
        }
        return out.toString();
    }
}
