package io.wirewatch.bench.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arithmetic of an in-JVM A/B comparison ({@link ExtractionAb}): which build runs when, and what the rounds say.
 * Builds are numbered 0 (A, the baseline), 1 (B) and, with an A/A control, 2 (a second copy of A). Each cycle runs
 * every build over the same slice of the corpus, in turns of a few articles whose order is reversed every other turn
 * (A,B / B,A / A,B ...), so that a drift of the host's speed falls on every build alike; a cycle's ratio compares its
 * builds' articles per CPU-second, and the run's answer is the median of the cycles' ratios.
 */
final class AbRounds {

    /** One timed round: a build over a slice of the corpus. */
    record Round(int cycle, int build, long articles, long cpuNanos, long allocatedBytes, long jitMillis) {

        double articlesPerCpuSecond() {
            return articles / (cpuNanos / 1e9);
        }

        double bytesPerArticle() {
            return (double) allocatedBytes / articles;
        }
    }

    private AbRounds() {}

    /** The builds of turn {@code turn} (from 0) in the order they run: 0..n-1 in even turns, reversed in odd ones. */
    static List<Integer> order(int turn, int builds) {
        List<Integer> order = new ArrayList<>(builds);
        for (int k = 0; k < builds; k++) {
            order.add(turn % 2 == 0 ? k : builds - 1 - k);
        }
        return order;
    }

    /**
     * Per cycle, in cycle order, the articles per CPU-second of {@code build} over those of {@code baseline}; a cycle
     * that lacks either is skipped.
     */
    static double[] ratios(List<Round> rounds, int build, int baseline) {
        int cycles = rounds.stream().mapToInt(Round::cycle).max().orElse(-1) + 1;
        double[] ratios = new double[cycles];
        int n = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            Round of = find(rounds, cycle, build);
            Round base = find(rounds, cycle, baseline);
            if (of != null && base != null) {
                ratios[n++] = of.articlesPerCpuSecond() / base.articlesPerCpuSecond();
            }
        }
        return Arrays.copyOf(ratios, n);
    }

    /** The median; the mean of the middle two for an even count; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median, over {@code build}'s rounds, of a per-round figure. */
    static double median(List<Round> rounds, int build, java.util.function.ToDoubleFunction<Round> figure) {
        return median(rounds.stream()
                .filter(r -> r.build() == build)
                .mapToDouble(figure)
                .toArray());
    }

    private static Round find(List<Round> rounds, int cycle, int build) {
        for (Round round : rounds) {
            if (round.cycle() == cycle && round.build() == build) {
                return round;
            }
        }
        return null;
    }
}
