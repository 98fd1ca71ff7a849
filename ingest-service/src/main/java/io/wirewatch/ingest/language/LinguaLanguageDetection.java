package io.wirewatch.ingest.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Language detection with Lingua (Apache 2.0, Maven Central), restricted to the languages Wirewatch reads (English,
 * French, Spanish) and the ones most often met beside them in world news feeds, so that an Italian or German article is
 * recognised as such rather than forced into the nearest language the rules read. Lingua's low-accuracy mode (trigram
 * models only) is as accurate as its full mode on texts of a paragraph or more, loads in a fraction of the time and
 * memory; only the first {@value #SAMPLE_CHARS} characters are
 * read (the language of an article is settled by its first paragraphs, and it bounds the work on a huge input).
 * Thread-safe: one detector serves every source.
 */
public final class LinguaLanguageDetection implements LanguageDetection {

    /** The languages told apart. Script-based ones (Arabic, Russian, Chinese ...) cost almost nothing. */
    static final List<Language> LANGUAGES = List.of(
            Language.ENGLISH,
            Language.FRENCH,
            Language.SPANISH,
            Language.GERMAN,
            Language.ITALIAN,
            Language.PORTUGUESE,
            Language.DUTCH,
            Language.RUSSIAN,
            Language.UKRAINIAN,
            Language.ARABIC,
            Language.TURKISH,
            Language.POLISH,
            Language.CHINESE,
            Language.PERSIAN);

    static final int SAMPLE_CHARS = 1_000;

    private static volatile LinguaLanguageDetection standard;

    private final LanguageDetector detector;

    private LinguaLanguageDetection(LanguageDetector detector) {
        this.detector = detector;
    }

    /** The shared detector, its models loaded on first use (about a second, tens of MB). */
    public static LinguaLanguageDetection standard() {
        LinguaLanguageDetection local = standard;
        if (local == null) {
            synchronized (LinguaLanguageDetection.class) {
                local = standard;
                if (local == null) {
                    local = new LinguaLanguageDetection(
                            LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new))
                                    .withLowAccuracyMode()
                                    .withPreloadedLanguageModels()
                                    .build());
                    standard = local;
                }
            }
        }
        return local;
    }

    @Override
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Language language = detector.detectLanguageOf(sample);
        if (language == null || language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
