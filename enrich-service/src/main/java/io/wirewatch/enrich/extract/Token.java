package io.wirewatch.enrich.extract;

import java.util.Locale;

/**
 * One token of an article: its text as written, a lower-case form for matching, and its character span in the
 * article text (so every extraction can point back at the words it came from); and, when the language's segmenter
 * made it, the word classes of its lower-case form ({@link Lexicon#is(String, Sentence, int)}), else null.
 */
record Token(String text, String lower, int start, int end, Lexicon.WordClasses classes) {

    Token(String text, String lower, int start, int end) {
        this(text, lower, start, end, null);
    }

    /** The lower-case form also straightens typographic apostrophes, so "Ottawa’s" and "Ottawa's" match alike. */
    static Token of(String text, int start) {
        return new Token(text, text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), start, start + text.length());
    }

    boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    boolean isWord() {
        return !text.isEmpty() && Character.isLetter(text.charAt(0));
    }

    boolean isNumber() {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    boolean is(String lowerForm) {
        return lower.equals(lowerForm);
    }

    /** True for quotation marks of any style, which delimit direct speech. */
    boolean isQuote() {
        if (text.length() != 1) {
            return false; // read by its one character: asked of every token of every sentence, three equals cost more
        }
        char c = text.charAt(0);
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    /**
     * True for a quotation mark of any language standing alone: also guillemets and single quotes, which French and
     * Spanish put around a single word ("a décidé de «suspendre» le pays").
     */
    boolean isAnyQuotationMark() {
        if (text.length() != 1) {
            return false;
        }
        char c = text.charAt(0);
        return c == '"'
                || c == '\u201C'
                || c == '\u201D'
                || c == '\u00AB'
                || c == '\u00BB'
                || c == '\u201E'
                || c == '\u2018'
                || c == '\u2019';
    }

    /** True for punctuation that closes a clause, used to keep pattern windows inside one clause. */
    boolean isClauseBreak() {
        if (text.length() != 1) {
            return false;
        }
        char c = text.charAt(0);
        return c == ';' || c == ':' || c == '(' || c == ')';
    }
}
