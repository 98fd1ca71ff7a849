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

    Sentence(int index, int start, int end, String text, List<Token> tokens) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.text = text;
        this.tokens = tokens;
        this.array = tokens.toArray(new Token[0]);
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
        return i >= 0 && i < array.length ? array[i].lower() : "";
    }

    /** The article text from token {@code from} to token {@code toInclusive}, as written. */
    String span(String articleText, int from, int toInclusive) {
        return articleText.substring(array[from].start(), array[toInclusive].end());
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
