package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconTest {

    private static final Lexicon LEXICON = Lexicon.read("/io/wirewatch/enrich/extract/test/lexicon.tsv");
    private static final TextSegmenter SEGMENTER = new TextSegmenter();

    private static Sentence sentence(String text) {
        return SEGMENTER.split(text).get(0);
    }

    @Test
    void shouldMatchTheLongestEntryOfAClassAtAToken() {
        Sentence s = sentence("They kicked out the chargé d'affaires.");

        assertThat(LEXICON.matchAt("EXPEL", s, 1)).isEqualTo(2);
        assertThat(LEXICON.matchAt("DIPLOMAT", s, 4)).isEqualTo(2);
        assertThat(LEXICON.matchAt("EXPEL", s, 0)).isZero();
    }

    @Test
    void shouldTellWhetherAnEntryEndsBeforeAToken() {
        Sentence s = sentence("declared persona non grata today");

        assertThat(LEXICON.endsAt("PNG", s, 4)).isTrue();
        assertThat(LEXICON.endsAt("PNG", s, 3)).isFalse();
    }

    @Test
    void shouldKnowOneWordEntriesAndWholePhrases() {
        assertThat(LEXICON.is("EXPEL", "expelled")).isTrue();
        assertThat(LEXICON.is("EXPEL", "kicked")).isFalse();
        assertThat(LEXICON.isEntry("EXPEL", "kicked out")).isTrue();
        assertThat(LEXICON.hasClass("TRADE")).isTrue();
    }

    @Test
    void shouldNameAClassItDoesNotHave() {
        assertThatThrownBy(() -> LEXICON.is("NOPE", "word"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOPE").hasMessageContaining("lexicon.tsv");
    }
}
