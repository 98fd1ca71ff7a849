package io.wirewatch.enrich.extract;

import java.util.List;
import java.util.Objects;

/**
 * A sentence of the article: its position, its character span in the article text and its tokens.
 *
 * <p>A class with a record's accessors, equality and string form rather than a record, so that it can keep its tokens
 * in an array beside the list: the rules ask {@link #token}, {@link #lower} and {@link #size} millions of times an
 * article, and through the immutable list each was an interface call and an index check (a tenth of extraction's
 * samples in a JFR profile taken with {@code -XX:+DebugNonSafepoints}).
 */
final class Sentence {

    private final int index;
    private final int start;
    private final int end;
    private final String text;
    private final List<Token> tokens;
    private final Token[] array;
    /**
     * Each token's lower-case form and word classes again, side by side: the rules' probes read these two of a token
     * far more than anything else of it, and from the arrays a probe loads one reference where through the token it
     * loaded the token and then its field (a chain of two dependent loads per probe, millions an article).
     */
    private final String[] lowers;

    private final Lexicon.WordClasses[] classes;

    Sentence(int index, int start, int end, String text, List<Token> tokens) {
        this(index, start, end, text, tokens.toArray(new Token[0]));
    }

    /**
     * A sentence of the tokens in {@code array}, which it keeps (the caller hands it over and keeps no reference): the
     * segmenter copied its list into an immutable list, and that again into the array.
     */
    Sentence(int index, int start, int end, String text, Token[] array) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.text = text;
        this.tokens = java.util.Collections.unmodifiableList(java.util.Arrays.asList(array));
        this.array = array;
        this.lowers = new String[array.length];
        this.classes = new Lexicon.WordClasses[array.length];
        for (int i = 0; i < array.length; i++) {
            lowers[i] = array[i].lower();
            classes[i] = array[i].classes();
        }
    }

    int index() {
        return index;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    String text() {
        return text;
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return array.length;
    }

    Token token(int i) {
        return array[i];
    }

    /** Lower-case form of token i, or an empty string outside the sentence (lets patterns look around freely). */
    String lower(int i) {
        return i >= 0 && i < lowers.length ? lowers[i] : "";
    }

    /** The word classes token i carries ({@link Token#classes()}), which may be null. */
    Lexicon.WordClasses classes(int i) {
        return classes[i];
    }

    /** The article text from token {@code from} to token {@code toInclusive}, as written. */
    String span(String articleText, int from, int toInclusive) {
        return articleText.substring(array[from].start(), array[toInclusive].end());
    }

    /*
     * The time expressions TimeExpressions.find last found here, and what they were found with (the reader, the article
     * text and the publication day): several rule sets ask for them, and a sentence belongs to one article and one
     * thread. Not part of the sentence's value.
     */
    private Object timesReader;

    private String timesText;
    private java.time.LocalDate timesPublished;
    private List<TimeExpressions.TimeExpression> times;

    /** What {@link #keepTimesFound} kept for the same reader, text and day, or null. */
    List<TimeExpressions.TimeExpression> timesFound(Object reader, String text, java.time.LocalDate published) {
        return times != null && timesReader == reader && timesText == text && Objects.equals(timesPublished, published)
                ? times
                : null;
    }

    void keepTimesFound(
            Object reader, String text, java.time.LocalDate published, List<TimeExpressions.TimeExpression> found) {
        timesReader = reader;
        timesText = text;
        timesPublished = published;
        times = found;
    }

    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Sentence other
                        && index == other.index
                        && start == other.start
                        && end == other.end
                        && Objects.equals(text, other.text)
                        && Objects.equals(tokens, other.tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, start, end, text, tokens);
    }

    @Override
    public String toString() {
        return "Sentence[index=" + index + ", start=" + start + ", end=" + end + ", text=" + text + ", tokens=" + tokens
                + "]";
    }
}
