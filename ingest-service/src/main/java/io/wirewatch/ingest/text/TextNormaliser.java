package io.wirewatch.ingest.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;

/**
 * Turns article text as received into the normalised form every later stage works on (and that evidence offsets
 * refer to): Unicode NFC, Penn-Treebank escapes and token spacing undone ({@code -LRB- GCC -RRB-} becomes
 * {@code (GCC)}, {@code BBC 's} becomes {@code BBC's}, {@code `` quoted ''} becomes {@code "quoted"}), runs of spaces
 * collapsed, lines trimmed, single line breaks kept, paragraph breaks kept as one blank line.
 *
 * <p>One pass over the text, no regular expressions: the cost is linear in the input whatever it holds, so it is safe
 * on hostile input. The result is stable: normalising normalised text changes nothing.
 */
public final class TextNormaliser {

    /** Treebank tokens that stand for another character sequence. */
    private static final Map<String, String> ESCAPES = Map.of(
            "-LRB-", "(", "-RRB-", ")",
            "-LSB-", "[", "-RSB-", "]",
            "-LCB-", "{", "-RCB-", "}",
            "``", "\"", "''", "\"");

    /** Tokens that open something and so join the token after them: "( GCC" becomes "(GCC". */
    private static final Set<String> OPENERS = Set.of("-LRB-", "-LSB-", "-LCB-", "``", "(", "[", "{", "$");

    /** Tokens that close something or are suffixes split off by the tokeniser, so join the token before them. */
    private static final Set<String> CLOSERS = Set.of(
            "-RRB-", "-RSB-", "-RCB-", "''", ")", "]", "}",
            ",", ".", ";", ":", "?", "!", "%", "...",
            "'s", "'S", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M", "n't", "N'T");

    private enum Gap { NONE, SPACE, LINE, PARAGRAPH }

    private TextNormaliser() {
    }

    /**
     * Normalises {@code raw}; never fails, and returns an empty string for blank input.
     *
     * @param raw text as received (may be null, treated as empty)
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder token = new StringBuilder();
        Gap gapSeen = Gap.NONE;       // the widest gap since the last token ended
        Gap gapBeforeToken = Gap.NONE;
        int newlinesSeen = 0;
        boolean previousOpens = false;
        boolean anyTokenEmitted = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean lineBreak = isLineBreak(c);
            if (lineBreak || isSpace(c)) {
                if (token.length() > 0) {
                    previousOpens = emit(out, token, gapBeforeToken, previousOpens, anyTokenEmitted);
                    anyTokenEmitted = true;
                }
                if (lineBreak) {
                    // "\r\n" is one line break, not two; a Unicode paragraph separator is a whole blank line.
                    if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    newlinesSeen += c == '\u2029' ? 2 : 1;
                    gapSeen = widest(gapSeen, newlinesSeen >= 2 ? Gap.PARAGRAPH : Gap.LINE);
                } else {
                    gapSeen = widest(gapSeen, Gap.SPACE);
                }
            } else if (!isInvisible(c)) {
                if (token.length() == 0) {
                    gapBeforeToken = gapSeen;
                    gapSeen = Gap.NONE;
                    newlinesSeen = 0;
                }
                token.append(c);
            }
        }
        if (token.length() > 0) {
            emit(out, token, gapBeforeToken, previousOpens, anyTokenEmitted);
        }
        return out.toString();
    }

    /** Appends one whitespace-delimited token with the right separator; returns whether it joins the next token. */
    private static boolean emit(StringBuilder out, StringBuilder tokenBuffer, Gap gap, boolean previousOpens,
                                boolean anyTokenBefore) {
        String token = tokenBuffer.toString();
        tokenBuffer.setLength(0);
        boolean special = mayBeSpecial(token);
        if (anyTokenBefore) {
            switch (gap) {
                case PARAGRAPH -> out.append("\n\n");
                case LINE -> out.append('\n');
                case SPACE -> {
                    if (!previousOpens && !(special && CLOSERS.contains(token))) {
                        out.append(' ');
                    }
                }
                case NONE -> {
                    // Tokens separated only by invisible characters stay joined.
                }
            }
        }
        out.append(special ? ESCAPES.getOrDefault(token, token) : token);
        return special && OPENERS.contains(token);
    }

    /**
     * Whether a token could be one of the special ones: all are at most five characters and start with punctuation
     * or with {@code n't}. Checked first because hashing every word for the set lookups was the normaliser's main
     * cost.
     */
    private static boolean mayBeSpecial(String token) {
        if (token.length() > 5) {
            return false;
        }
        char first = token.charAt(0);
        return !Character.isLetterOrDigit(first) || first == 'n' || first == 'N';
    }

    private static Gap widest(Gap a, Gap b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C'
                || c == '\u0085';
    }

    /** Any horizontal space, including the no-break spaces that {@link Character#isWhitespace} leaves out. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || Character.isSpaceChar(c) || (Character.isWhitespace(c) && !isLineBreak(c));
    }

    /** Characters that carry nothing a reader sees: other control characters, zero-width spaces, byte-order marks. */
    private static boolean isInvisible(char c) {
        return (Character.getType(c) == Character.CONTROL)
                || c == '\u200B' || c == '\uFEFF' || c == '\u2060';
    }
}
