package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a run's CPU went, by part of the pipeline: the CPU time of every thread of this JVM (Java threads by their
 * full names from {@link ThreadMXBean}; the JIT compilers, GC and VM threads, which have no Java name, from
 * {@code /proc/self/task}) between two snapshots, summed into groups. CPU time rather than wall time because the
 * machine is shared: a busier neighbour stretches the wall clock of a run but not the CPU each article costs.
 */
final class CpuAccount {

    /** The groups, in the order printed. */
    static final String[] GROUPS = {
        "ingest",
        "enrich stream",
        "enrich producer I/O",
        "alert stream",
        "alert producer I/O",
        "alert feed",
        "broker",
        "registry",
        "watcher",
        "JIT",
        "GC",
        "other JVM",
        "other"
    };

    private static final Pattern JVM_INTERNAL = Pattern.compile(
            "(C[12] CompilerThre.*|GC Thread.*|G1 .*|VM Thread|VM Periodic Tas.*|Sweeper thread|Service Thread|"
                    + "Monitor Deflati.*)");
    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    /** CPU nanoseconds by thread name (Java threads) or native name (JVM-internal threads), and the process total. */
    record Snapshot(Map<String, Long> byThread, long processNanos) {}

    private CpuAccount() {}

    static Snapshot snapshot() {
        Map<String, Long> threads = new HashMap<>();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean.isThreadCpuTimeSupported()) {
            long[] ids = bean.getAllThreadIds();
            ThreadInfo[] infos = bean.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                long cpu = bean.getThreadCpuTime(ids[i]);
                if (infos[i] != null && cpu > 0) {
                    // Names repeat across runs (a new service per run): key by id too, so nothing is netted out.
                    threads.merge(infos[i].getThreadName() + "#" + ids[i], cpu, Long::sum);
                }
            }
        }
        long process;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            // The process's own counters include threads that have ended since the last snapshot.
            process = ticks(Files.readString(Path.of("/proc/self/stat"))) * CLOCK_TICK_NANOS;
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    long cpu = ticks(Files.readString(task.resolve("stat"))) * CLOCK_TICK_NANOS;
                    if (JVM_INTERNAL.matcher(comm).matches()) {
                        threads.merge("jvm:" + comm + "#" + task.getFileName(), cpu, Long::sum);
                    }
                } catch (IOException e) {
                    // the thread ended between listing and reading: its time is in neither snapshot's detail
                }
            }
        } catch (IOException e) {
            return new Snapshot(threads, -1);
        }
        return new Snapshot(threads, process);
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, counted after the parenthesised name). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU nanoseconds spent between {@code before} and {@code after}, by group; "other" holds what is not named. */
    static Map<String, Long> between(Snapshot before, Snapshot after) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String group : GROUPS) {
            groups.put(group, 0L);
        }
        long named = 0;
        for (Map.Entry<String, Long> thread : after.byThread().entrySet()) {
            long spent = thread.getValue() - before.byThread().getOrDefault(thread.getKey(), 0L);
            if (spent > 0) {
                groups.merge(groupOf(thread.getKey()), spent, Long::sum);
                named += spent;
            }
        }
        if (before.processNanos() >= 0 && after.processNanos() >= 0) {
            groups.merge("other", Math.max(0, after.processNanos() - before.processNanos() - named), Long::sum);
        }
        return groups;
    }

    /** The {@code n} threads that spent the most CPU between the snapshots, ids and numbers folded, for the log. */
    static String topThreads(Snapshot before, Snapshot after, int n) {
        Map<String, Long> byName = new HashMap<>();
        for (Map.Entry<String, Long> thread : after.byThread().entrySet()) {
            long spent = thread.getValue() - before.byThread().getOrDefault(thread.getKey(), 0L);
            if (spent > 0) {
                String name = thread.getKey()
                        .replaceAll("#\\d+$", "")
                        .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*")
                        .replaceAll("\\d+", "N");
                byName.merge(name, spent, Long::sum);
            }
        }
        StringBuilder line = new StringBuilder();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e ->
                        line.append(String.format(Locale.ROOT, "%n  %8.0f ms  %s", e.getValue() / 1e6, e.getKey())));
        return line.toString();
    }

    static String groupOf(String thread) {
        if (thread.startsWith("jvm:")) {
            String name = thread.substring(4);
            return name.startsWith("C1 ") || name.startsWith("C2 ")
                    ? "JIT"
                    : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "other JVM";
        }
        boolean producerIo = thread.startsWith("kafka-producer-network-thread");
        if (thread.contains("bench-enrich-")) {
            return producerIo ? "enrich producer I/O" : "enrich stream";
        }
        if (thread.contains("bench-alert-")) {
            return producerIo ? "alert producer I/O" : "alert stream";
        }
        if (thread.startsWith("alert-feed")) {
            return "alert feed";
        }
        if (thread.startsWith("main#") || thread.contains("bench-ingest-")) {
            return "ingest";
        }
        if (thread.startsWith("bench-watcher")) {
            return "watcher";
        }
        if (thread.startsWith("schema-registry")) {
            return "registry";
        }
        return "broker";
    }

    /** One line: milliseconds of CPU per article by group, the total, and how many cores the run kept busy. */
    static String perArticle(Map<String, Long> groups, int articles, double wallSeconds) {
        StringBuilder line = new StringBuilder();
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> group : groups.entrySet()) {
            if (group.getValue() > 0) {
                line.append(String.format(
                        Locale.ROOT, "%s %.2f, ", group.getKey(), group.getValue() / 1e6 / Math.max(1, articles)));
            }
        }
        line.append(String.format(
                Locale.ROOT,
                "total %.2f ms CPU per article; %.2f cores busy",
                total / 1e6 / Math.max(1, articles),
                total / 1e9 / wallSeconds));
        return line.toString();
    }

    /** Total CPU milliseconds per article. */
    static double totalPerArticle(Map<String, Long> groups, int articles) {
        return groups.values().stream().mapToLong(Long::longValue).sum() / 1e6 / Math.max(1, articles);
    }

    /**
     * CPU milliseconds per article without the JIT compiler's: the work of the pipeline itself. On a shared machine
     * the compiler's share depends on what was compiled before, not on the run.
     */
    static double workPerArticle(Map<String, Long> groups, int articles) {
        return totalPerArticle(groups, articles) - groups.getOrDefault("JIT", 0L) / 1e6 / Math.max(1, articles);
    }
}
