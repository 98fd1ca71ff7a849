package io.wirewatch.bench.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbRoundsTest {

    @Test
    void shouldReverseTheOrderOfTheBuildsEveryOtherTurn() {
        assertThat(AbRounds.order(0, 2)).containsExactly(0, 1);
        assertThat(AbRounds.order(1, 2)).containsExactly(1, 0);
        assertThat(AbRounds.order(2, 2)).containsExactly(0, 1);
        assertThat(AbRounds.order(0, 3)).containsExactly(0, 1, 2);
        assertThat(AbRounds.order(1, 3)).containsExactly(2, 1, 0);
    }

    @Test
    void shouldGiveEachBuildAsManyFirstAsLastPlacesOverAnEvenNumberOfTurns() {
        int[] first = new int[2];
        for (int cycle = 0; cycle < 10; cycle++) {
            first[AbRounds.order(cycle, 2).get(0)]++;
        }
        assertThat(first).containsExactly(5, 5);
    }

    @Test
    void shouldCompareArticlesPerCpuSecondWithinEachCycle() {
        // Given two cycles; in the second the whole host is twice as slow
        List<AbRounds.Round> rounds = List.of(
                new AbRounds.Round(0, 0, 1_000, 500_000_000L, 0, 0), // A: 2,000/s
                new AbRounds.Round(0, 1, 1_000, 400_000_000L, 0, 0), // B: 2,500/s
                new AbRounds.Round(1, 1, 1_000, 800_000_000L, 0, 0), // B: 1,250/s
                new AbRounds.Round(1, 0, 1_000, 1_000_000_000L, 0, 0)); // A: 1,000/s

        // When / Then: each cycle reads B/A = 1.25, whatever the host did between the cycles
        assertThat(AbRounds.ratios(rounds, 1, 0)).containsExactly(new double[] {1.25, 1.25}, within(1e-12));
        assertThat(AbRounds.ratios(rounds, 0, 1)).containsExactly(new double[] {0.8, 0.8}, within(1e-12));
    }

    @Test
    void shouldSkipACycleThatLacksOneOfTheBuilds() {
        List<AbRounds.Round> rounds = List.of(
                new AbRounds.Round(0, 0, 100, 100_000_000L, 0, 0),
                new AbRounds.Round(0, 1, 100, 50_000_000L, 0, 0),
                new AbRounds.Round(1, 0, 100, 100_000_000L, 0, 0));

        assertThat(AbRounds.ratios(rounds, 1, 0)).containsExactly(2.0);
    }

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(AbRounds.median(new double[] {1.10, 0.90, 1.00})).isEqualTo(1.00);
        assertThat(AbRounds.median(new double[] {1.0, 4.0, 2.0, 3.0})).isEqualTo(2.5);
        assertThat(AbRounds.median(new double[] {})).isNaN();
    }

    @Test
    void shouldReportAllocationPerArticle() {
        AbRounds.Round round = new AbRounds.Round(0, 0, 4, 1_000_000_000L, 4_096, 0);

        assertThat(round.bytesPerArticle()).isEqualTo(1_024.0);
        assertThat(round.articlesPerCpuSecond()).isEqualTo(4.0);
    }
}
