package io.wirewatch.ingest.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lingua tells the languages of news paragraphs written for this test; a text with no words tells nothing. */
class LanguageDetectionTest {

    private final LanguageDetection detection = LanguageDetection.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Britain expelled two Russian diplomats on Monday after the foreign ministry accused them of spying.
            fr | Le gouvernement malien a expulsé lundi l'ambassadeur de France et lui a donné 72 heures pour partir.
            es | Venezuela llamó a consultas a su embajadora en España tras las declaraciones del ministro de Defensa.
            de | Die Bundesregierung hat am Montag vier russische Diplomaten ausgewiesen, teilte das Auswärtige Amt mit.
            it | Il governo italiano ha espulso due diplomatici russi, ha annunciato lunedì il ministero degli Esteri.
            pt | O governo brasileiro convocou o embaixador de Israel para explicações depois das declarações do premiê.
            """)
    void shouldTellTheLanguageOfANewsParagraph(String language, String text) {
        assertThat(detection.detect(text)).isEqualTo(language);
    }

    @Test
    void shouldTellNothingOfATextWithoutWords() {
        assertThat(detection.detect("")).isNull();
        assertThat(detection.detect("2024 — 12:30 / 45 %")).isNull();
    }
}
