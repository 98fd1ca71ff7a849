package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The trigger grammar of triggers.tsv: words, classes, gaps inside a clause, slots and the head. */
class TriggerPatternTest {

    private static final Language ENGLISH = Language.load("en");
    private static final Lexicon LEXICON = Lexicon.read("/io/wirewatch/enrich/extract/test/lexicon.tsv");

    /** Slots filled by capitalised words, clauses cut by ";", dates written as numbers and commas beside them. */
    private static final TriggerPattern.Slots SLOTS = new TriggerPattern.Slots() {
        @Override
        public int slotEnd(Sentence s, int i, char role, boolean allowDemonym) {
            return i < s.size() && s.token(i).isCapitalised() ? i + 1 : -1;
        }

        @Override
        public boolean breaksClause(Sentence s, int k) {
            return s.lower(k).equals(";");
        }

        @Override
        public boolean isAside(Sentence s, int k) {
            return s.token(k).isNumber() || s.lower(k).equals(",");
        }
    };

    private static TriggerPattern.Match match(String pattern, String text) {
        Sentence s = new TextSegmenter().split(text).get(0);
        TriggerPattern compiled = TriggerPattern.compile(pattern, LEXICON, ENGLISH.numbers());
        for (int i = 0; i < s.size(); i++) {
            TriggerPattern.Match m = compiled.matchAt(s, i, SLOTS);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    @Test
    void shouldBindTheNearestObjectWithinTheGap() {
        TriggerPattern.Match m = match("^@EXPEL ~4 @DIPLOMAT", "they expelled two ambassador and more envoys");

        assertThat(m).isNotNull();
        assertThat(m.head()).isEqualTo(1);
        assertThat(m.to()).isEqualTo(4); // "expelled two ambassador": the shortest gap wins
    }

    @Test
    void shouldNotLetAGapCrossAClauseBreakOrAnExcludedWord() {
        assertThat(match("^@EXPEL ~4 @DIPLOMAT", "they expelled nobody ; envoys left"))
                .isNull();
        assertThat(match("^@EXPEL ~4-@TRADE @DIPLOMAT", "they expelled trade envoys"))
                .isNull();
        assertThat(match("^@EXPEL ~4-@TRADE @DIPLOMAT", "they expelled the envoys"))
                .isNotNull();
    }

    @Test
    void shouldCrossADateAsideWithoutCountingIt() {
        assertThat(match("^@EXPEL ~2 @DIPLOMAT", "they expelled , 12 2024 , two envoys"))
                .isNotNull();
        assertThat(match("^@EXPEL ~2 @DIPLOMAT", "they expelled , 12 2024 , two more junior envoys"))
                .isNull(); // beside the date, the gap still counts its words
    }

    @Test
    void shouldMarkTheHeadWhereTheCaretSaysAndSlotsWhereTheyStand() {
        TriggerPattern.Match m = match("{T} ~2 @BE ^@EXPEL from {A}", "Syria was expelled from Bloc");

        assertThat(m.head()).isEqualTo(2);
        assertThat(m.targetFrom()).isZero();
        assertThat(m.actorFrom()).isEqualTo(4);
    }

    @Test
    void shouldMatchOptionalWordsAlternativesAndNumbers() {
        assertThat(match("^gave ?the @DIPLOMAT # hours|days", "gave the ambassador 72 hours"))
                .isNotNull();
        assertThat(match("^gave ?the @DIPLOMAT # hours|days", "gave ambassador three days"))
                .isNotNull();
        assertThat(match("^gave ?the @DIPLOMAT # hours|days", "gave ambassador some days"))
                .isNull();
    }

    @Test
    void shouldRefuseAPatternItCannotRead() {
        assertThatThrownBy(() -> TriggerPattern.compile("^@NOPE ~3 @DIPLOMAT", LEXICON, ENGLISH.numbers()))
                .hasMessageContaining("@NOPE");
        assertThatThrownBy(() -> TriggerPattern.compile("^@EXPEL ^@DIPLOMAT", LEXICON, ENGLISH.numbers()))
                .hasMessageContaining("two heads");
        assertThatThrownBy(() -> TriggerPattern.compile("~3 @DIPLOMAT", LEXICON, ENGLISH.numbers()))
                .hasMessageContaining("starts with");
    }

    @Test
    void shouldCompileEveryTriggerOfEveryLanguageFolder() {
        // Given the shipped English folder, When it loads, Then every row compiled against its own lexicon
        assertThat(ENGLISH.triggers().all())
                .hasSizeGreaterThan(30)
                .allSatisfy(trigger -> assertThat(trigger.pattern().firstWords() != null
                                || trigger.pattern().startsWithSlot())
                        .isTrue());
    }
}
