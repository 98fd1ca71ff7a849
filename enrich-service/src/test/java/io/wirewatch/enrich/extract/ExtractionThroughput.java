package io.wirewatch.enrich.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Manual timing loop, not a test: single-threaded articles per second on the three seeds after warm-up.
 * Run with {@code java -cp <test classpath> io.wirewatch.enrich.extract.ExtractionThroughput [cpu-seconds]}; the bench
 * module's JMH benchmarks are the reference, this is the quick check the numbers in gold/README.md come from.
 */
public final class ExtractionThroughput {

    private ExtractionThroughput() {}

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Seeds.Seed> seeds = Seeds.all();
        long startLoad = System.nanoTime();
        ArticleExtractor extractor = new ArticleExtractor();
        System.out.printf("construction: %.1f ms%n", (System.nanoTime() - startLoad) / 1e6);
        // CPU time of this thread, not wall time: on a shared machine the wall clock also counts other people's work.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(extractor, seeds, threads, 5_000_000_000L);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        long articles = run(extractor, seeds, threads, seconds * 1_000_000_000L);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        System.out.printf(
                "throughput: %.0f articles per CPU-second on one thread, %.0f per wall-second "
                        + "(%d articles, %.1f CPU-s in %d wall-s, mean %d chars)%n",
                articles / cpuSeconds,
                articles / wallSeconds,
                articles,
                cpuSeconds,
                Math.round(wallSeconds),
                seeds.stream().mapToInt(s -> s.text().length()).sum() / seeds.size());
    }

    /** Extracts the seeds round-robin until this thread has used {@code cpuNanos} of CPU. */
    private static long run(ArticleExtractor extractor, List<Seeds.Seed> seeds, ThreadMXBean threads, long cpuNanos) {
        long deadline = threads.getCurrentThreadCpuTime() + cpuNanos;
        long articles = 0;
        int checksum = 0;
        while (threads.getCurrentThreadCpuTime() < deadline) {
            for (Seeds.Seed seed : seeds) {
                Extraction extraction = extractor.extract(
                        seed.text(), seed.gold().publishedAt(), seed.gold().outlet());
                checksum += extraction.entities().size()
                        + extraction.casualtyFigures().size();
                articles++;
            }
        }
        if (checksum == 42) {
            System.out.println(); // keeps the work observable to the JIT
        }
        return articles;
    }
}
