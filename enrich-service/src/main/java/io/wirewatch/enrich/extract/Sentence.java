package io.wirewatch.enrich.extract;

import java.util.List;

/** A sentence of the article: its position, its character span in the article text and its tokens. */
record Sentence(int index, int start, int end, String text, List<Token> tokens) {

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    /** Lower-case form of token i, or an empty string outside the sentence (lets patterns look around freely). */
    String lower(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
    }

    /** The article text from token {@code from} to token {@code toInclusive}, as written. */
    String span(String articleText, int from, int toInclusive) {
        return articleText.substring(
                tokens.get(from).start(), tokens.get(toInclusive).end());
    }
}
