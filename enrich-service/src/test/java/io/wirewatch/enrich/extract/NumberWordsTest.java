package io.wirewatch.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberWordsTest {

    private static final NumberWords ENGLISH = Language.load("en").numbers();
    private static final NumberWords FRENCH = Language.load("fr").numbers();

    @Test
    void shouldReadNumberWordsAndTheirHyphenatedCompounds() {
        assertThat(ENGLISH.exactValue("twenty")).isEqualTo(20);
        assertThat(ENGLISH.exactValue("twenty-five")).isEqualTo(25);
        assertThat(FRENCH.exactValue("vingt-cinq")).isEqualTo(25);
        assertThat(FRENCH.exactValue("soixante-douze")).isEqualTo(72);
        assertThat(ENGLISH.exactValue("7,000")).isEqualTo(7000);
    }

    @Test
    void shouldFindNoNumberInWordsThatOnlyShareANumberWordsFirstLetters() {
        // "the", "twin" and "tea-time" open as "three", "twenty" and "ten" do, and are no numbers
        assertThat(ENGLISH.exactValue("the")).isEqualTo(-1);
        assertThat(ENGLISH.exactValue("twin")).isEqualTo(-1);
        assertThat(ENGLISH.exactValue("tea-time")).isEqualTo(-1);
        assertThat(ENGLISH.exactValue("twenty-twenty")).isEqualTo(-1);
        assertThat(ENGLISH.exactValue("")).isEqualTo(-1);
    }
}
