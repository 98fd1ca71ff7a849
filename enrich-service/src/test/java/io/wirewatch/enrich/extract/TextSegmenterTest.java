package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSegmenterTest {

    private final TextSegmenter segmenter = Language.load("en").segmenter();

    @Test
    void shouldNotEndSentencesAtAbbreviationsAndInitialisms() {
        List<Sentence> sentences =
                segmenter.split("Mr. Assad met U.S. envoys on Monday. The U.K. followed. Dr. No left!");

        assertThat(sentences)
                .extracting(Sentence::text)
                .containsExactly("Mr. Assad met U.S. envoys on Monday.", "The U.K. followed.", "Dr. No left!");
        assertThat(sentences.get(0).tokens())
                .extracting(Token::text)
                .containsExactly("Mr.", "Assad", "met", "U.S.", "envoys", "on", "Monday", ".");
    }

    @Test
    void shouldSplitPossessivesAndKeepNumbersAndHyphenatedWordsWhole() {
        List<Sentence> sentences = segmenter.split("Russia's al-Assad said 7,000 and 3.5 Russian-made tanks.");

        assertThat(sentences.get(0).tokens())
                .extracting(Token::text)
                .containsExactly(
                        "Russia", "'s", "al-Assad", "said", "7,000", "and", "3.5", "Russian-made", "tanks", ".");
    }

    @Test
    void shouldEndSentencesAtLineBreaksAndKeepClosingQuotesWithTheirSentence() {
        String text = "5,400 people killed\n\nHe said: \"Leave now.\" They left.";
        List<Sentence> sentences = segmenter.split(text);

        assertThat(sentences)
                .extracting(Sentence::text)
                .containsExactly("5,400 people killed", "He said: \"Leave now.\"", "They left.");
    }

    @Test
    void shouldGiveEveryTokenItsOffsetsInTheOriginalText() {
        String text = "  Gulf states,\tpull envoys (GCC).\n";
        for (Sentence sentence : segmenter.split(text)) {
            for (Token token : sentence.tokens()) {
                assertThat(text.substring(token.start(), token.end())).isEqualTo(token.text());
            }
            assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
    }

    @Test
    void shouldBoundSentenceLengthOnTextWithoutPunctuation() {
        String text = "word ".repeat(1000);

        List<Sentence> sentences = segmenter.split(text);

        assertThat(sentences)
                .allSatisfy(s -> assertThat(s.size()).isLessThanOrEqualTo(TextSegmenter.MAX_SENTENCE_TOKENS));
        assertThat(sentences.stream().mapToInt(Sentence::size).sum()).isEqualTo(1000);
    }
}
