package io.wirewatch.bench;

import io.wirewatch.bench.corpus.CorpusGenerator;
import io.wirewatch.bench.e2e.EndToEndBenchmark;
import io.wirewatch.bench.e2e.GrowthBenchmark;
import io.wirewatch.bench.extraction.ExtractionAb;
import io.wirewatch.bench.extraction.ExtractionRun;
import io.wirewatch.bench.load.IngestLoad;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the benchmarks: {@code corpus} writes the synthetic corpus, {@code extraction} runs the JMH
 * comparison with CoreNLP, {@code
 * extraction-ab} two builds of the extractor against each other in one JVM, {@code e2e} the end-to-end runs on the embedded stack, {@code growth} their cost as the
 * articles and years grow, {@code load} the load test of ingest's HTTP endpoint. Each prints a table.
 *
 * <pre>java -jar bench/target/bench-0.1.0-SNAPSHOT.jar extraction</pre>
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Wirewatch benchmarks; each subcommand prints a table.",
        subcommands = {
            CorpusGenerator.class,
            ExtractionRun.class,
            ExtractionAb.class,
            EndToEndBenchmark.class,
            GrowthBenchmark.class,
            IngestLoad.class
        })
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
