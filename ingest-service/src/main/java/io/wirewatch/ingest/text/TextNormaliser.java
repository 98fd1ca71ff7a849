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
 * on hostile input (runs of more than 30 combining marks, which would make Unicode normalisation quadratic, are split
 * by a combining grapheme joiner). The result is stable: normalising normalised text changes nothing.
 */
public final class TextNormaliser {

    /** Treebank tokens that stand for another character sequence. */
    private static final Map<String, String> ESCAPES = Map.of(
            "-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}", "``", "\"", "''", "\"");

    /** Tokens that open something and so join the token after them: "( GCC" becomes "(GCC". */
    private static final Set<String> OPENERS = Set.of("-LRB-", "-LSB-", "-LCB-", "``", "(", "[", "{", "$");

    /** Tokens that close something or are suffixes split off by the tokeniser, so join the token before them. */
    private static final Set<String> CLOSERS = Set.of(
            "-RRB-", "-RSB-", "-RCB-", "''", ")", "]", "}", ",", ".", ";", ":", "?", "!", "%", "...", "'s", "'S", "'re",
            "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M", "n't", "N'T");

    private enum Gap {
        NONE,
        SPACE,
        LINE,
        PARAGRAPH
    }

    /** Longest run of combining marks normalised as is; UAX #15's stream-safe format allows 30. */
    static final int MAX_COMBINING_RUN = 30;

    private static final char COMBINING_GRAPHEME_JOINER = '\u034F';

    private TextNormaliser() {}

    /**
     * Normalises {@code raw}; never fails, and returns an empty string for blank input.
     *
     * @param raw text as received (may be null, treated as empty)
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(capCombiningRuns(raw), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder token = new StringBuilder();
        Gap gapSeen = Gap.NONE; // the widest gap since the last token ended
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
        // Dropping invisible characters can leave a base letter next to a combining mark it was kept apart from
        // ("e\u200B\u0301"): compose again, or the result would be neither NFC nor stable.
        String result = capCombiningRuns(out.toString());
        return Normalizer.isNormalized(result, Normalizer.Form.NFC)
                ? result
                : Normalizer.normalize(result, Normalizer.Form.NFC);
    }

    /**
     * Inserts a combining grapheme joiner (U+034F) into any run of more than {@link #MAX_COMBINING_RUN} combining
     * marks, as Unicode's stream-safe text format (UAX #15) does. Java's {@link Normalizer} puts each run into
     * canonical order by insertion, which is quadratic in the run's length: 160,000 marks on one letter took 13 s,
     * so one hostile 2 MiB article could hold a thread for minutes. No real text has more than a handful of marks
     * on one letter. Characters {@link #normalise} drops are skipped over, since dropping them joins the runs on
     * either side.
     */
    static String capCombiningRuns(String text) {
        StringBuilder capped = null;
        int run = 0;
        int copiedUpTo = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (isCombiningMark(codePoint)) {
                if (run == MAX_COMBINING_RUN) {
                    if (capped == null) {
                        capped = new StringBuilder(text.length() + 16);
                    }
                    capped.append(text, copiedUpTo, i).append(COMBINING_GRAPHEME_JOINER);
                    copiedUpTo = i;
                    run = 0;
                }
                run++;
            } else if (codePoint > Character.MAX_VALUE
                    || isLineBreak((char) codePoint)
                    || isSpace((char) codePoint)
                    || !isInvisible((char) codePoint)) {
                run = 0;
            }
            i += width;
        }
        return capped == null
                ? text
                : capped.append(text, copiedUpTo, text.length()).toString();
    }

    private static boolean isCombiningMark(int codePoint) {
        if (codePoint == COMBINING_GRAPHEME_JOINER) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Appends one whitespace-delimited token with the right separator; returns whether it joins the next token. */
    private static boolean emit(
            StringBuilder out, StringBuilder tokenBuffer, Gap gap, boolean previousOpens, boolean anyTokenBefore) {
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
        return c == '\n'
                || c == '\r'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u000B'
                || c == '\u000C'
                || c == '\u0085';
    }

    /** Any horizontal space, including the no-break spaces that {@link Character#isWhitespace} leaves out. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || Character.isSpaceChar(c) || (Character.isWhitespace(c) && !isLineBreak(c));
    }

    /** Characters that carry nothing a reader sees: other control characters, zero-width spaces, byte-order marks. */
    private static boolean isInvisible(char c) {
        return (Character.getType(c) == Character.CONTROL) || c == '\u200B' || c == '\uFEFF' || c == '\u2060';
    }
}
