package io.wirewatch.knowledge;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Measures what loading the knowledge costs a fresh JVM: wall time of {@link World#standard()} and
 * {@link Places#standard()}, and heap retained after a full GC. Not a test; run by hand:
 * {@code mvn -q -pl knowledge test-compile && java -cp knowledge/target/classes:knowledge/target/test-classes
 * io.wirewatch.knowledge.KnowledgeFootprint}.
 */
public final class KnowledgeFootprint {

    private KnowledgeFootprint() {}

    public static void main(String[] args) throws Exception {
        long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
        long before = settledHeap();
        long t0 = System.nanoTime();
        World world = World.standard();
        long t1 = System.nanoTime();
        Places places = Places.standard();
        long t2 = System.nanoTime();
        long after = settledHeap();
        int names =
                world.languages().stream().mapToInt(l -> world.names(l).size()).sum();
        System.out.printf(Locale.ROOT, "JVM up %d ms when main started%n", jvmUp);
        System.out.printf(
                Locale.ROOT,
                "World:  %d actors, %d names in %s, loaded in %d ms%n",
                world.all().size(),
                names,
                world.languages(),
                (t1 - t0) / 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "Places: %d rows, %d distinct names, loaded in %d ms%n",
                places.size(),
                places.nameCount(),
                (t2 - t1) / 1_000_000);
        System.out.printf(Locale.ROOT, "heap retained by both: %.1f MB%n", (after - before) / 1e6);
        // Keep both reachable until measured.
        if (world.all().isEmpty() || places.size() == 0) {
            throw new IllegalStateException();
        }
    }

    private static long settledHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
