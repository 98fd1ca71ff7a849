package io.wirewatch.bench.extraction;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.enrich.extract.Extraction;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles per second, on one thread, of Wirewatch's extraction library ({@link ArticleExtractor}: entities,
 * claims, diplomatic actions, casualty figures) over the generated corpus (and the seeds, in English) of each language;
 * one operation is one article,
 * taken in turn. Run with {@code -prof gc}, {@code gc.alloc.rate.norm} is the memory allocated per article.
 *
 * <p>Before JMH's own warm-up the fork runs the extractor until the JIT compiler falls quiet ({@link #settleSeconds}):
 * with one C2 thread on a 2-core machine the extractor's code takes 40-60 s of compiling (longer when other work shares
 * the cores), so a fixed 2 x 5 s warm-up measured partly profiled C1 code and read anywhere from a quarter to nine
 * tenths of the settled figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ExtractionBenchmark extends CorpusRotation {

    /** At most this many seconds of settling before the warm-up iterations; 0 for none. */
    @Param("240")
    public int settleSeconds;

    private ArticleExtractor extractor;
    /** What settling found, kept so that the compiler cannot drop the work. */
    long settledEntities;

    @Setup
    public void createTool() {
        extractor = new ArticleExtractor();
        settle();
    }

    /**
     * Extracts the corpus in rounds of 5 s until two rounds in a row (the second at least the third) compile for less
     * than 100 ms each, or until {@link #settleSeconds} have passed; prints each round. One quiet round was not
     * enough: C2 can pause between two bursts of compiling for a round.
     */
    private void settle() {
        loadCorpus();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int quiet = 0;
        for (int round = 1; System.nanoTime() - start < settleSeconds * 1_000_000_000L; round++) {
            long compiled = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            int articles = 0;
            while (System.nanoTime() - roundStart < 5_000_000_000L) {
                BenchCorpus.Text text = nextText();
                settledEntities += extractor
                        .extract(text.text(), text.publishedAt(), text.outlet(), text.language())
                        .entities()
                        .size();
                articles++;
            }
            compiled = jit.getTotalCompilationTime() - compiled;
            System.out.printf(Locale.ROOT, "settle %d: %,d articles in 5 s, JIT %,d ms%n", round, articles, compiled);
            quiet = compiled < 100 ? quiet + 1 : 0;
            if (round >= 3 && quiet >= 2) {
                return;
            }
        }
    }

    @Benchmark
    public Extraction extract(CpuCounters cpu) {
        BenchCorpus.Text text = nextText();
        long start = CpuCounters.now();
        Extraction extraction = extractor.extract(text.text(), text.publishedAt(), text.outlet(), text.language());
        cpu.add(start);
        return extraction;
    }
}
