package io.wirewatch.bench.extraction;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An A/B comparison of two builds of the extraction library in one JVM: on this shared machine the host's speed
 * moves by tens of per cent between runs minutes apart, so only a ratio measured within one run means anything.
 *
 * <p>Each build (its {@code knowledge} and {@code enrich-service} classes) gets its own class loader, so each has its
 * own copy of the extractor's code for the JIT to compile. Both are warmed in alternating rounds until the compiler has
 * been quiet for two rounds in a row; then cycles of timed rounds run every build over the same slice of the corpus,
 * the order reversed every other cycle ({@link AbRounds}), measuring the thread's CPU time and allocation. It prints
 * each cycle, the median of the cycles' ratios B/A in articles per CPU-second and, with {@code --control}, that of a
 * second copy of A against A (what the harness reads when nothing changed). {@code --dump} writes each build's
 * extraction of the corpus as text and says whether they are identical.
 */
@Command(
        name = "extraction-ab",
        mixinStandardHelpOptions = true,
        description = "Two builds of the extractor in one JVM, alternating timed rounds: median ratio B/A per "
                + "CPU-second.")
public final class ExtractionAb implements Callable<Integer> {

    private static final String EXTRACTOR = "io.wirewatch.enrich.extract.ArticleExtractor";

    @Option(
            names = "--a",
            required = true,
            description = "Build A (the baseline): a checkout whose knowledge/target/classes and "
                    + "enrich-service/target/classes are built, or class directories and jars joined by the path "
                    + "separator (':').")
    String buildA;

    @Option(names = "--b", required = true, description = "Build B, as --a.")
    String buildB;

    @Option(names = "--rounds", description = "Timed cycles, each a round of every build (default: ${DEFAULT-VALUE}).")
    int rounds = 30;

    @Option(names = "--seconds", description = "CPU seconds of build A per round (default: ${DEFAULT-VALUE}).")
    double seconds = 2;

    @Option(
            names = "--chunk",
            description = "Articles a build extracts before the next takes its turn within a cycle "
                    + "(default: ${DEFAULT-VALUE}; a round's whole slice: one turn each).")
    int chunk = 25;

    @Option(
            names = "--settle-seconds",
            description = "At most this long warming both builds until the JIT is quiet (default: ${DEFAULT-VALUE}).")
    int settleSeconds = 300;

    @Option(
            names = "--control",
            description = "Also run a second copy of A (A/A control: the ratio when nothing changed).")
    boolean control;

    @Option(names = "--languages", split = ",", description = "Corpus languages timed (default: ${DEFAULT-VALUE}).")
    List<String> languages = List.of("en");

    @Option(names = "--corpus-size", description = "Generated articles per language (default: ${DEFAULT-VALUE}).")
    int corpusSize = 10_000;

    @Option(names = "--corpus-seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long corpusSeed = 42;

    @Option(names = "--seeds", description = "Seed directory added to the English corpus (default: ${DEFAULT-VALUE}).")
    Path seedsDir = Path.of("seeds");

    @Option(
            names = "--dump",
            description = "Write each build's extraction of the en, fr and es corpora (and the seeds) as text to "
                    + "DIR/a.txt and DIR/b.txt, and compare them.")
    Path dumpDir;

    @Option(names = "--dump-only", description = "With --dump: stop after the comparison.")
    boolean dumpOnly;

    /** The extractor of one build, called by reflection (its classes are not this loader's). */
    static final class Build {
        final String name;
        private final Object extractor;
        private final Method extract;

        Build(String name, String spec) {
            this.name = name;
            try {
                ClassLoader loader = new BuildLoader(classPath(spec), ExtractionAb.class.getClassLoader());
                Class<?> type = loader.loadClass(EXTRACTOR);
                this.extractor = type.getConstructor().newInstance();
                this.extract = type.getMethod("extract", String.class, Instant.class, String.class, String.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load " + EXTRACTOR + " from " + spec, e);
            }
        }

        Object extract(BenchCorpus.Text text) {
            try {
                return extract.invoke(extractor, text.text(), text.publishedAt(), text.outlet(), text.language());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("build " + name + " failed", e.getCause());
            }
        }
    }

    /**
     * Loads the extraction library's packages from its own class path first, everything else (the schema classes,
     * Avro, the JDK) from the bench's: two builds share the records they return but none of their code.
     */
    static final class BuildLoader extends URLClassLoader {

        BuildLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        private static boolean own(String name) {
            return name.startsWith("io.wirewatch.enrich.") || name.startsWith("io.wirewatch.knowledge.");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }

    /** The class path of a build: a checkout's two modules' classes, or entries joined by the path separator. */
    static URL[] classPath(String spec) {
        List<URL> urls = new ArrayList<>();
        for (String entry : spec.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Path enrich = path.resolve("enrich-service/target/classes");
            List<Path> paths = Files.isDirectory(enrich)
                    ? List.of(enrich, path.resolve("knowledge/target/classes"))
                    : List.of(path);
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no such build path: " + p);
                }
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(p.toString(), e);
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Kept so that no extraction is dead code. */
    private long sink;

    @Override
    public Integer call() {
        double loadBefore = load();
        List<Build> builds = new ArrayList<>(List.of(new Build("A", buildA), new Build("B", buildB)));
        if (control) {
            builds.add(new Build("A'", buildA));
        }
        if (dumpDir != null) {
            boolean identical = dump(builds.get(0), builds.get(1));
            if (dumpOnly) {
                return identical ? 0 : 1;
            }
        }
        List<BenchCorpus.Text> corpus = new ArrayList<>();
        for (String language : languages) {
            corpus.addAll(BenchCorpus.load(corpusSize, corpusSeed, seedsDir, language));
        }
        System.out.printf(Locale.ROOT, "corpus: %,d articles (%s)%n", corpus.size(), String.join(",", languages));

        double rateA = settle(builds, corpus);
        int perRound = (int) Math.max(50, Math.round(rateA * seconds));
        System.out.printf(Locale.ROOT, "timed rounds: %,d articles each%n", perRound);

        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<AbRounds.Round> timed = new ArrayList<>();
        for (int cycle = 0; cycle < rounds; cycle++) {
            int from = (int) ((long) cycle * perRound % corpus.size());
            long compiled = jit.getTotalCompilationTime();
            List<AbRounds.Round> these = cycle(cycle, builds, corpus, from, perRound);
            compiled = jit.getTotalCompilationTime() - compiled;
            for (int b = 0; b < these.size(); b++) {
                AbRounds.Round round = these.get(b);
                these.set(
                        b,
                        new AbRounds.Round(
                                cycle, b, round.articles(), round.cpuNanos(), round.allocatedBytes(), compiled));
            }
            timed.addAll(these);
            System.out.println(cycleLine(cycle, builds, these));
        }
        System.out.println(summary(builds, timed, loadBefore, load()));
        return 0;
    }

    /**
     * Alternates 5-second rounds of every build until the JIT compiled for less than 100 ms in two rounds in a row
     * (each build having run at least three), or for at most {@link #settleSeconds}; returns A's last rate.
     */
    private double settle(List<Build> builds, List<BenchCorpus.Text> corpus) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int next = 0;
        int quiet = 0;
        double rateA = Double.NaN;
        for (int round = 0; System.nanoTime() - start < settleSeconds * 1_000_000_000L; round++) {
            int b = round % builds.size();
            long compiled = jit.getTotalCompilationTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int articles = 0;
            while (System.nanoTime() - wall < 5_000_000_000L) {
                sink += System.identityHashCode(builds.get(b).extract(corpus.get(next)));
                next = next + 1 == corpus.size() ? 0 : next + 1;
                articles++;
            }
            double rate = articles / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
            compiled = jit.getTotalCompilationTime() - compiled;
            if (b == 0) {
                rateA = rate;
            }
            quiet = compiled < 100 ? quiet + 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "settle %d (%s): %,.0f articles per CPU-second, JIT %,d ms%n",
                    round + 1,
                    builds.get(b).name,
                    rate,
                    compiled);
            if (round + 1 >= 3 * builds.size() && quiet >= 2) {
                return rateA;
            }
        }
        System.out.println("settle: the JIT did not fall quiet within --settle-seconds; timing anyway");
        return rateA;
    }

    /**
     * One cycle: every build extracts the same {@code articles} articles from {@code from}, a {@link #chunk} at a time,
     * the builds taking turns chunk by chunk in {@link AbRounds#order} (A,B then B,A ...): a neighbour's burst on the
     * shared core falls on every build alike instead of on one build's whole round. Returns one round per build.
     */
    private List<AbRounds.Round> cycle(
            int cycle, List<Build> builds, List<BenchCorpus.Text> corpus, int from, int articles) {
        long[] cpu = new long[builds.size()];
        long[] bytes = new long[builds.size()];
        int chunks = (articles + chunk - 1) / chunk;
        for (int c = 0; c < chunks; c++) {
            int first = from + c * chunk;
            int count = Math.min(chunk, articles - c * chunk);
            for (int b : AbRounds.order(cycle * chunks + c, builds.size())) {
                Build build = builds.get(b);
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                long started = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < count; i++) {
                    sink += System.identityHashCode(build.extract(corpus.get((first + i) % corpus.size())));
                }
                cpu[b] += THREADS.getCurrentThreadCpuTime() - started;
                bytes[b] += THREADS.getCurrentThreadAllocatedBytes() - allocated;
            }
        }
        List<AbRounds.Round> rounds = new ArrayList<>();
        for (int b = 0; b < builds.size(); b++) {
            rounds.add(new AbRounds.Round(cycle, b, articles, cpu[b], bytes[b], 0));
        }
        return rounds;
    }

    private static String cycleLine(int cycle, List<Build> builds, List<AbRounds.Round> rounds) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "cycle %d:", cycle + 1));
        for (int b = 0; b < builds.size(); b++) {
            AbRounds.Round round = find(rounds, b);
            line.append(String.format(
                    Locale.ROOT,
                    " %s %,.0f/cpu-s %,.0f KB JIT %d ms;",
                    builds.get(b).name,
                    round.articlesPerCpuSecond(),
                    round.bytesPerArticle() / 1024,
                    round.jitMillis()));
        }
        for (int b = 1; b < builds.size(); b++) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s/A %.3f",
                    builds.get(b).name,
                    find(rounds, b).articlesPerCpuSecond() / find(rounds, 0).articlesPerCpuSecond()));
        }
        return line.toString();
    }

    static String summary(List<Build> builds, List<AbRounds.Round> timed, double loadBefore, double loadAfter) {
        StringBuilder out = new StringBuilder();
        for (int b = 0; b < builds.size(); b++) {
            out.append(String.format(
                    Locale.ROOT,
                    "build %s: median %,.0f articles per CPU-second, %,.0f KB allocated per article%n",
                    builds.get(b).name,
                    AbRounds.median(timed, b, AbRounds.Round::articlesPerCpuSecond),
                    AbRounds.median(timed, b, AbRounds.Round::bytesPerArticle) / 1024));
        }
        double[] ratios = AbRounds.ratios(timed, 1, 0);
        out.append(ratioLine("B/A", ratios));
        if (builds.size() > 2) {
            out.append(ratioLine("A'/A (control)", AbRounds.ratios(timed, 2, 0)));
        }
        out.append(String.format(
                Locale.ROOT,
                "load average (1 min): %.1f before, %.1f after, on %d cores%n",
                loadBefore,
                loadAfter,
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(
                Locale.ROOT,
                "extraction-ab: ratio=%.3f min=%.3f max=%.3f cycles=%d%s",
                AbRounds.median(ratios),
                Arrays.stream(ratios).min().orElse(Double.NaN),
                Arrays.stream(ratios).max().orElse(Double.NaN),
                ratios.length,
                builds.size() > 2
                        ? String.format(Locale.ROOT, " control=%.3f", AbRounds.median(AbRounds.ratios(timed, 2, 0)))
                        : ""));
        return out.toString();
    }

    private static String ratioLine(String what, double[] ratios) {
        return String.format(
                Locale.ROOT,
                "%s per CPU-second: median %.3f, cycles %s%n",
                what,
                AbRounds.median(ratios),
                String.join(
                        " ",
                        Arrays.stream(ratios)
                                .mapToObj(r -> String.format(Locale.ROOT, "%.3f", r))
                                .toList()));
    }

    private static AbRounds.Round find(List<AbRounds.Round> rounds, int build) {
        return rounds.stream().filter(r -> r.build() == build).findFirst().orElseThrow();
    }

    /** Writes both builds' extraction of the en, fr and es corpora as text and compares the files. */
    private boolean dump(Build a, Build b) {
        List<BenchCorpus.Text> corpus = new ArrayList<>();
        for (String language : List.of("en", "fr", "es")) {
            corpus.addAll(BenchCorpus.load(corpusSize, corpusSeed, seedsDir, language));
        }
        try {
            Files.createDirectories(dumpDir);
            Path fileA = dumpDir.resolve("a.txt");
            Path fileB = dumpDir.resolve("b.txt");
            write(a, corpus, fileA);
            write(b, corpus, fileB);
            long mismatch = Files.mismatch(fileA, fileB);
            System.out.printf(
                    Locale.ROOT,
                    "dump: %,d articles, %s (%,d and %,d bytes)%n",
                    corpus.size(),
                    mismatch < 0 ? "IDENTICAL" : "DIFFERENT from byte " + mismatch,
                    Files.size(fileA),
                    Files.size(fileB));
            return mismatch < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Build build, List<BenchCorpus.Text> corpus, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int k = 0; k < corpus.size(); k++) {
                BenchCorpus.Text text = corpus.get(k);
                out.write("## " + k + " " + text.language() + " " + text.outlet() + " " + text.publishedAt() + "\n");
                out.write(String.valueOf(build.extract(text)));
                out.write("\n");
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
