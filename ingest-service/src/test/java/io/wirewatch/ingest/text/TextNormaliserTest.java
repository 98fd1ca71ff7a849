package io.wirewatch.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.Seeds;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void shouldUndoTreebankEscapesInSeedZero() {
        // Given seed 000, tokenised Penn-Treebank style
        String raw = Seeds.read("000_3f73a5d78b56022d.txt");

        // When
        String text = TextNormaliser.normalise(raw);

        // Then
        assertThat(text)
                .startsWith("Syria crisis: Gulf Arab states expel Syrian ambassadors BBC's Paul Wood, in Homs, says")
                .contains("BBC's Paul Wood")
                .contains("A Gulf Cooperation Council (GCC) statement said: \"Members have decided")
                .contains("willing to co-operate with \"any efforts towards stability\".")
                .contains("talks with President Assad in Damascus don't seem to have produced")
                .contains("Russia's ambassador to the UN, Vitaly Churkin,")
                .contains("61124 (UK) or +447624800100 (International).")
                .doesNotContain(" ,", " .", " 's", " n't", "-LRB-", "-RRB-", "``", "''", "( ", " )");
    }

    @Test
    void shouldKeepEachTreebankSentenceOnItsOwnLine() {
        String raw = Seeds.read("000_3f73a5d78b56022d.txt");

        String text = TextNormaliser.normalise(raw);

        assertThat(text.lines()).hasSize(raw.strip().split("\n").length);
        assertThat(text.lines())
                .allSatisfy(line -> assertThat(line).isEqualTo(line.strip()).isNotEmpty());
        assertThat(text.lines().toList().get(1))
                .isEqualTo(
                        "The Gulf Cooperation Council said Syria had rejected Arab attempts to solve the crisis and end"
                                + " 11 months of bloodshed.");
    }

    @Test
    void shouldLeaveOrdinaryProseAloneApartFromWhitespace() {
        // Given seed 001, ordinary prose with paragraphs and two no-break spaces after ordinary ones
        String raw = Seeds.read("001_0214231277631587.txt");

        String text = TextNormaliser.normalise(raw);

        assertThat(text)
                .contains("President Bashar al-Assad's refusal")
                .contains("recalling their ambassadors for \"consultation.\"")
                .contains("even as Assad's forces renewed")
                .doesNotContain("  ");
        assertThat(text.split("\\s+"))
                .as("the words themselves are untouched")
                .containsExactly(raw.strip().split("(?U)\\s+"));
        assertThat(text.split("\n\n")).as("paragraphs").hasSize(raw.strip().split("\n\\s*\n").length);
    }

    @Test
    void shouldKeepParagraphBreaksAsOneBlankLine() {
        String text = TextNormaliser.normalise(
                "  First paragraph,\nsecond line.  \n \n\t\n\nSecond  paragraph.\r\n\r\nThird.  ");

        assertThat(text).isEqualTo("First paragraph,\nsecond line.\n\nSecond paragraph.\n\nThird.");
    }

    @Test
    void shouldComposeUnicodeToNfc() {
        String decomposed = "Cafe\u0301 in Ho\u0308ms";

        String text = TextNormaliser.normalise(decomposed);

        assertThat(text).isEqualTo("Café in Höms");
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void shouldTreatNoBreakSpacesAsSpacesAndDropInvisibleCharacters() {
        String text = TextNormaliser.normalise("\uFEFFTen\u00A0people\u200B were\u202Fkilled\u0007.");

        assertThat(text).isEqualTo("Ten people were killed.");
    }

    @Test
    void shouldJoinContractionsAndBrackets() {
        assertThat(TextNormaliser.normalise("They do n't know -LSB- sic -RSB- ; it 's 50 % of $ 5 , is n't it ?"))
                .isEqualTo("They don't know [sic]; it's 50% of $5, isn't it?");
    }

    @Test
    void shouldReturnEmptyTextForBlankInput() {
        assertThat(TextNormaliser.normalise(null)).isEmpty();
        assertThat(TextNormaliser.normalise("")).isEmpty();
        assertThat(TextNormaliser.normalise(" \n\t\u00A0\n ")).isEmpty();
    }

    @Test
    void shouldBeStableWhenAppliedTwice() {
        // Given random text over an alphabet rich in the characters the normaliser treats specially
        String[] pieces = {
            "a", "B", " ", "  ", "\n", "\n\n", "\r\n", "\t", ",", ".", "'s", "n't", "``", "''", "-LRB-", "-RRB-", "(",
            ")", "$", "%", ":", "\u00A0", "\u200B", "e\u0301", "\u2029", "word", "\u0000"
        };
        Random random = new Random(42);
        for (int sample = 0; sample < 2_000; sample++) {
            StringBuilder input = new StringBuilder();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                input.append(pieces[random.nextInt(pieces.length)]);
            }

            String once = TextNormaliser.normalise(input.toString());

            assertThat(TextNormaliser.normalise(once))
                    .as("normalising %s twice", input)
                    .isEqualTo(once);
            assertThat(once).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("\n\n\n", "  ");
        }
    }

    @Test
    void shouldNormaliseLargePathologicalInputQuickly() {
        // Given 4 MB alternating between the special cases, the kind of input a regex-based normaliser chokes on
        String input = " ,\n \n".repeat(400_000) + "-LRB- ".repeat(200_000);

        // CPU time of this thread, not wall time: on a machine shared with other builds the wall clock measures them
        // (2.3 s at a load average of 20); a quadratic normaliser would still take minutes of CPU
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        String text = TextNormaliser.normalise(input);
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;

        assertThat(text.endsWith("(((("))
                .as("treebank brackets at the end were undone")
                .isTrue();
        assertThat(millis).as("CPU milliseconds for %d chars", input.length()).isLessThan(2_000);
    }
}
