package io.wirewatch.ingest.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirewatch.ingest.text.TextNormaliser;
import java.text.Normalizer;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property tests of {@link TextNormaliser} on hostile text: arbitrary UTF-16 (lone surrogates included), control and
 * invisible characters, treebank tokens, combining marks and long whitespace runs. Whatever comes in, the result is
 * stable, NFC, free of carriage returns and of more than one blank line in a row, and trimmed.
 */
class TextNormaliserPropertiesTest {

    /** Pieces chosen to hit the normaliser's special cases: escapes, joins, gaps, invisibles, canonical forms. */
    private static final String[] PIECES = {
        "-LRB-",
        "-RRB-",
        "-LSB-",
        "-RSB-",
        "-LCB-",
        "-RCB-",
        "``",
        "''",
        "'s",
        "n't",
        "N'T",
        "'ll",
        "...",
        "$",
        "%",
        ",",
        ".",
        "(",
        ")",
        "\"",
        "'",
        "`",
        "-",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\n\n\n",
        "\u2028",
        "\u2029",
        "\u000B",
        "\u000C",
        "\u0085",
        "\u00A0",
        "\u3000",
        "\u001C",
        "\u0000",
        "\u0007",
        "\u007F",
        "\u0090",
        "\u200B",
        "\uFEFF",
        "\u2060",
        "\u034F",
        "e",
        "E",
        "a",
        "x",
        "BBC",
        "Homs",
        "do",
        "Syria",
        "\u0301",
        "\u0316",
        "\u0308",
        "\u0327",
        "e\u0301",
        "\u00E9",
        "\u1100",
        "\u1161",
        "\u11A8",
        "\u212B",
        "\u037E",
        "\u1FEF",
        "\uD800",
        "\uDC00",
        "\uD83D\uDE00"
    };

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> fromPieces =
                Arbitraries.of(PIECES).list().ofMaxSize(60).map(list -> String.join("", list));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> whitespaceRun = Arbitraries.strings()
                .withChars(" \t\n\r\u00A0\u2028\u2029\u000B\u000C")
                .ofMinLength(100)
                .ofMaxLength(3000);
        return Arbitraries.frequencyOf(Tuple.of(6, fromPieces), Tuple.of(3, anyChars), Tuple.of(1, whitespaceRun));
    }

    @Property(tries = 1000)
    void shouldBeIdempotent(@ForAll("hostileText") String raw) {
        String once = TextNormaliser.normalise(raw);

        assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void shouldProduceNfcWithoutCarriageReturnsOrExtraBlankLinesAndTrimmed(@ForAll("hostileText") String raw) {
        String text = TextNormaliser.normalise(raw);

        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC").isTrue();
        assertThat(text).doesNotContain("\r", "\n\n\n", " \n", "\n ", "  ");
        assertThat(text).isEqualTo(text.strip());
    }

    @Property(tries = 300)
    void shouldKeepEveryVisibleWordOfPlainText(@ForAll("words") String sentence) {
        // Plain words (no treebank tokens) pass through untouched, whatever the spacing between them.
        String spaced = sentence.replace(" ", " \t \u00A0\n ");

        String text = TextNormaliser.normalise(spaced);

        assertThat(text.split("\\s+")).containsExactly(sentence.split(" "));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(12)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .map(list -> String.join(" ", list));
    }

    @Example
    void shouldNormaliseFiveMegabytesOfPathologicalTextWithoutHanging() {
        // Runs of combining marks whose canonical order must be restored: a naive normaliser sorts each run in
        // quadratic time (160,000 marks took 13 s in Java's Normalizer), which a 2 MiB article can turn into minutes.
        StringBuilder marks = new StringBuilder("a");
        for (int i = 0; i < 1_000_000; i++) {
            marks.append(i % 2 == 0 ? '\u0301' : '\u0316');
        }
        StringBuilder tokens = new StringBuilder();
        while (tokens.length() < 3_000_000) {
            tokens.append("-LRB- `` n't 's ''  \r\n\n\n\u200B -RRB- ");
        }
        String pathological = marks + " " + tokens + " " + " \n".repeat(500_000);
        assertThat(pathological.length()).isGreaterThan(5_000_000);

        // A hang guard, not a speed claim: linear work on 5 MB takes well under a second on a quiet machine.
        String text = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TextNormaliser.normalise(pathological));

        // Booleans, not string assertions: a failure message quoting 5 MB of text helps no one.
        // Canonical order puts the below marks (class 220) first, so the first acute (230) composes with the 'a'.
        assertThat(text.startsWith("\u00E1\u0316"))
                .as("starts with the composed letter and reordered marks")
                .isTrue();
        assertThat(text.contains("(\"n't's\"")).as("treebank tokens undone").isTrue();
        assertThat(text.contains("\r") || text.contains("\n\n\n"))
                .as("carriage return or extra blank line")
                .isFalse();
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC").isTrue();
    }
}
