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
                .hasMessageContaining("NOPE")
                .hasMessageContaining("lexicon.tsv");
    }

    @Test
    void shouldConjugateAStarredRegularVerbWithTheEndingsBesideTheLexicon() {
        Lexicon spanish = Lexicon.read(Language.KNOWLEDGE_ROOT + "es/lexicon.tsv");
        Lexicon french = Lexicon.read(Language.KNOWLEDGE_ROOT + "fr/lexicon.tsv");

        // imperfect, future plural and imperfect subjunctive, none of them typed in the lexicon
        assertThat(spanish.is("SEVER", "rompía")).isTrue();
        assertThat(spanish.is("SEVER", "romperán")).isTrue();
        assertThat(spanish.is("EXPEL", "expulsaran")).isTrue();
        assertThat(french.is("EXPEL", "expulsaient")).isTrue();
        assertThat(french.is("SEVER", "rompt")).isTrue();
        assertThat(french.is("SEVER", "suspend")).isTrue();
        // the star itself is no word, and a verb's forms do not leak into another class
        assertThat(spanish.is("SEVER", "romper*")).isFalse();
        assertThat(spanish.is("EXPEL", "rompía")).isFalse();
    }

    @Test
    void shouldReadASpanishPreteriteWrittenWithoutItsAccentUnlessTheLexiconWritesThatWordOnPurpose() {
        Lexicon spanish = Lexicon.read(Language.KNOWLEDGE_ROOT + "es/lexicon.tsv");

        assertThat(spanish.is("DECLARE", "declaro")).isTrue();
        assertThat(spanish.is("SEVER", "rompio")).isTrue();
        // "retiro" and "veto" are nouns of their own rows before they are "retiró" and "vetó" without the accent
        assertThat(spanish.is("RECALL_NOUN", "retiro")).isTrue();
        assertThat(spanish.is("RECALL", "retiro")).isFalse();
        assertThat(spanish.is("VETO", "veto")).isTrue();
        assertThat(spanish.is("VETO_VERB", "veto")).isFalse();
        // French copy keeps its accents: no such column beside the French lexicon
        assertThat(Lexicon.read(Language.KNOWLEDGE_ROOT + "fr/lexicon.tsv").is("EXPEL", "expulse"))
                .isTrue();
    }

    @Test
    void shouldExpandEveryStarredWordOfAPhraseAndRefuseAnInfinitiveWithNoParadigm() {
        Conjugations conjugations = Conjugations.besides(Language.KNOWLEDGE_ROOT + "fr/lexicon.tsv");

        assertThat(conjugations.expand("rompre* avec")).contains("rompre avec", "rompait avec", "rompirent avec");
        assertThatThrownBy(() -> conjugations.expand("veto*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("veto*");
        assertThatThrownBy(() -> Conjugations.besides(Language.KNOWLEDGE_ROOT + "en/lexicon.tsv")
                        .expand("expel*"))
                .hasMessageContaining("no conjugations.tsv");
    }

    @Test
    void shouldTurnAwayATokenOfItsSegmenterThatIsNoWordOfAMarkedSet() {
        // Given a lexicon whose language marks a set of words that are in none of its classes
        Lexicon lexicon = Lexicon.read("/io/wirewatch/enrich/extract/test/lexicon.tsv");
        int mark = lexicon.mark("TEST_WORDS", java.util.List.of("tuesday", "expelled"));
        TextSegmenter segmenter =
                new TextSegmenter(java.util.Set.of(), java.util.Set.of(), false, lexicon.vocabulary(), lexicon);

        // When its segmenter cuts a sentence
        Sentence s = segmenter.split("Tuesday they expelled him.").get(0);

        // Then the marked words (in or outside the classes) may be members, the others surely are not
        assertThat(mark).isNotNegative();
        assertThat(lexicon.mayBeMarked(mark, s, 0)).isTrue();
        assertThat(lexicon.mayBeMarked(mark, s, 1)).isFalse();
        assertThat(lexicon.mayBeMarked(mark, s, 2)).isTrue();
        assertThat(lexicon.mayBeMarked(mark, s, 3)).isFalse();
        assertThat(lexicon.is("EXPEL", s, 2)).isTrue();
        // and a set marked after the segmenter took the vocabulary is no mark: every token may be a member
        int late = lexicon.mark("LATE_WORDS", java.util.List.of("him"));
        assertThat(late).isEqualTo(-1);
        assertThat(lexicon.mayBeMarked(late, s, 1)).isTrue();
        // and a sentence of another segmenter is left to the caller's own table
        assertThat(lexicon.mayBeMarked(mark, sentence("they expelled him"), 0)).isTrue();
    }
}
