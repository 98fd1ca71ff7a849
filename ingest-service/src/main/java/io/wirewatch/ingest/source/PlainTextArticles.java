package io.wirewatch.ingest.source;

/**
 * Makes an article of a plain-text file: the whole text is the body, and the first line is also taken as the title
 * when it looks like a headline (short, more text follows, not ending like a sentence).
 */
public final class PlainTextArticles {

    static final int MAX_HEADLINE_CHARS = 160;
    static final int MAX_HEADLINE_WORDS = 25;

    private PlainTextArticles() {}

    public static RawArticle fromText(String text, String sourceRef) {
        return new RawArticle(null, null, null, headlineOf(text), null, text, sourceRef);
    }

    /** The first line when it looks like a headline, else null. */
    static String headlineOf(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        if (newline < 0) {
            return null;
        }
        String first = stripped.substring(0, newline).strip();
        if (first.length() < 3 || first.length() > MAX_HEADLINE_CHARS) {
            return null;
        }
        if (first.split("\\s+").length > MAX_HEADLINE_WORDS) {
            return null;
        }
        char last = first.charAt(first.length() - 1);
        // A headline does not end with sentence punctuation (a question or exclamation is fine) or a dangling comma.
        if (last == '.' || last == ',' || last == ';' || last == ':') {
            return null;
        }
        return first;
    }
}
