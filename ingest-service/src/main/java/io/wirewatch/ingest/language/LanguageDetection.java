package io.wirewatch.ingest.language;

/**
 * Tells the language of an article's text, as a BCP 47 tag ("en", "fr", "es" ...), for {@code Article.language}: enrich
 * reads each article with its own language's rules and never runs English rules over another language.
 */
@FunctionalInterface
public interface LanguageDetection {

    /** @return the language's tag (ISO 639-1, lower case), or null when the text says too little to tell */
    String detect(String text);

    /** No detection: every article's language stays unknown (read as English downstream). For tests of other things. */
    LanguageDetection NONE = text -> null;

    /** The detector ingest runs ({@link LinguaLanguageDetection}), built once per JVM on first use. */
    static LanguageDetection standard() {
        return LinguaLanguageDetection.standard();
    }
}
