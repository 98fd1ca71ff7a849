package io.wirewatch.bench.extraction;

import io.wirewatch.enrich.extract.ArticleExtractor;
import io.wirewatch.enrich.extract.Extraction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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

    private ArticleExtractor extractor;

    @Setup
    public void createTool() {
        extractor = new ArticleExtractor();
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
